package ar.aulas.conversation;

import ar.aulas.accounts.AulasUser;
import ar.aulas.courses.Course;
import ar.aulas.shared.Text;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Search in a course's threads, in any case and with or without accents, on the posts' folded text (no {@code $text}:
 * the embedded store has none). Only what the person may read is found: a post hidden from them, behind the Q&A
 * gate or in a space they do not see never is.
 */
@Service
public class ConversationSearch {

    static final int MAX_RESULTS = 50;

    public record Hit(DiscussionThread thread, Post post, String spaceTitle, String excerpt) {
    }

    private final PostRepository posts;
    private final ThreadRepository threads;
    private final ConversationAccess access;
    private final Debates debates;

    ConversationSearch(PostRepository posts, ThreadRepository threads, ConversationAccess access, Debates debates) {
        this.posts = posts;
        this.threads = threads;
        this.access = access;
        this.debates = debates;
    }

    public List<Hit> search(AulasUser user, String courseCode, String query) {
        Course course = access.course(user, courseCode);
        String folded = Text.searchable(query == null ? "" : query).replaceAll("\\s+", " ");
        if (folded.length() < 2 || folded.length() > 100) {
            return List.of();
        }
        // each thread read, checked and (only if it matters) its Q&A gate asked once
        Map<String, Optional<DiscussionThread>> readable = new HashMap<>();
        Map<String, Boolean> gated = new HashMap<>();
        List<Hit> hits = new ArrayList<>();
        List<Post> found = posts.findByCourseCodeAndSearchableRegex(course.getCode(), Pattern.quote(folded));
        found.sort(Comparator.comparing(Post::getCreatedAt).reversed());
        for (Post post : found) {
            if (hits.size() >= MAX_RESULTS) {
                break;
            }
            DiscussionThread thread = readable.computeIfAbsent(post.getThreadId(), id -> threads.findById(id)
                    .filter(t -> access.canRead(user, course, t))).orElse(null);
            if (thread == null || !debates.sees(user, course, post,
                    () -> gated.computeIfAbsent(thread.getId(), id -> debates.gated(user, course, thread)))) {
                continue;
            }
            hits.add(new Hit(thread, post, debates.title(course, thread.space()), excerpt(post, folded)));
        }
        return hits;
    }

    /** Some words around the first match, from the post's own text. */
    static String excerpt(Post post, String folded) {
        String text = post.getText().replaceAll("\\s+", " ");
        int at = Text.fold(text).indexOf(folded);
        if (at < 0) {
            return Debates.excerpt(text);
        }
        int from = Math.max(0, at - 80);
        int to = Math.min(text.length(), at + folded.length() + 120);
        return (from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length() ? "…" : "");
    }
}
