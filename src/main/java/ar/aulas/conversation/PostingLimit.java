package ar.aulas.conversation;

import ar.aulas.accounts.AulasUser;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** At most 20 posts per person in any 10 minutes, counted from the stored posts on the application's clock. */
@Component
class PostingLimit {

    static final int POSTS = 20;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final PostRepository posts;
    private final Clock clock;

    PostingLimit(PostRepository posts, Clock clock) {
        this.posts = posts;
        this.clock = clock;
    }

    void check(AulasUser user) {
        if (posts.countByAuthorIdAndCreatedAtAfter(user.id(), clock.instant().minus(WINDOW)) >= POSTS) {
            throw new ConversationRefused("text", "conversation.tooMany", POSTS, WINDOW.toMinutes());
        }
    }
}
