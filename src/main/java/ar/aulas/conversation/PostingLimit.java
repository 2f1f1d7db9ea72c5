package ar.aulas.conversation;

import ar.aulas.accounts.AulasUser;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * At most 20 posts per person in any 10 minutes ({@link ConversationProperties}), counted from the stored posts on
 * the application's clock.
 */
@Component
class PostingLimit {

    private final PostRepository posts;
    private final Clock clock;
    private final int most;
    private final Duration window;

    PostingLimit(PostRepository posts, Clock clock, ConversationProperties properties) {
        this.posts = posts;
        this.clock = clock;
        this.most = properties.postsPerWindow();
        this.window = properties.window();
    }

    void check(AulasUser user) {
        if (posts.countByAuthorIdAndCreatedAtAfter(user.id(), clock.instant().minus(window)) >= most) {
            throw new ConversationRefused("text", "conversation.tooMany", most, window.toMinutes());
        }
    }
}
