package ar.aulas.conversation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What lists and unread counts need of every thread of a course (space, posts, visibility, pin, last activity; no
 * titles), newest activity first, read once and kept for a moment: a course home and a debate of 1,000 threads ask
 * for it on every page. This instance's own writes forget a course's at once ({@link #changed}); another instance's
 * show within {@link #KEPT_NANOS} (2 s).
 */
@Component
class ThreadSummaries {

    static final long KEPT_NANOS = 2_000_000_000L;
    private static final int COURSES = 200;

    private record Kept(long at, List<DiscussionThread> threads) {
    }

    private final MongoTemplate mongo;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    ThreadSummaries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The course's threads as summaries (fields not listed are empty), by last activity, newest first. */
    List<DiscussionThread> of(String courseCode) {
        Kept k = kept.get(courseCode);
        long now = System.nanoTime();
        if (k != null && now - k.at() < KEPT_NANOS) {
            return k.threads();
        }
        Query query = Query.query(Criteria.where("courseCode").is(courseCode));
        query.fields().include("courseCode", "space", "posts", "hidden", "authorId", "faq", "sharedWithTeam",
                "institutionId", "pinned", "lastActivityAt");
        List<DiscussionThread> threads = new ArrayList<>(mongo.find(query, DiscussionThread.class));
        threads.sort(Comparator.comparing(DiscussionThread::getLastActivityAt,
                Comparator.nullsLast(Comparator.reverseOrder())));
        if (kept.size() >= COURSES) {
            kept.clear();
        }
        kept.put(courseCode, new Kept(now, List.copyOf(threads)));
        return threads;
    }

    List<DiscussionThread> of(String courseCode, String space) {
        return of(courseCode).stream().filter(t -> space.equals(t.getSpace())).toList();
    }

    /** A thread or post of the course was written, hidden, shown, pinned, published or moved here. */
    void changed(String courseCode) {
        kept.remove(courseCode);
    }
}
