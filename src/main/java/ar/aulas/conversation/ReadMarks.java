package ar.aulas.conversation;

import ar.aulas.shared.web.RequestMemo;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** What a person has read in a course: threads up to a number of posts, announcements ({@code a:<id>}) at all. */
@Component
class ReadMarks {

    private final ReadMarkRepository marks;
    private final MongoTemplate mongo;
    private final Clock clock;

    ReadMarks(ReadMarkRepository marks, MongoTemplate mongo, Clock clock) {
        this.marks = marks;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Target → posts seen, for one person in one course (one indexed query). */
    Map<String, Long> of(String accountId, String courseCode) {
        return RequestMemo.get("read-marks:" + accountId + "|" + courseCode, () -> {
            Map<String, Long> seen = new HashMap<>();
            marks.findByAccountIdAndCourseCode(accountId, courseCode).forEach(m -> seen.put(m.getTarget(), m.getSeen()));
            return seen;
        });
    }

    /** Read up to {@code seen} posts; never moves back (a page opened in an older tab). */
    void mark(String accountId, String courseCode, String target, long seen) {
        String id = ReadMark.id(accountId, target);
        Query query = Query.query(Criteria.where("_id").is(id));
        if (mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("seen").lt(seen)),
                new Update().set("seen", seen).set("at", clock.instant()), ReadMark.class).getMatchedCount() == 0
                && !mongo.exists(query, ReadMark.class)) {
            mongo.upsert(query, new Update().setOnInsert("accountId", accountId).setOnInsert("courseCode", courseCode)
                    .setOnInsert("target", target).setOnInsert("seen", seen).setOnInsert("at", clock.instant()),
                    ReadMark.class);
        }
    }

    static String announcement(String id) {
        return "a:" + id;
    }
}
