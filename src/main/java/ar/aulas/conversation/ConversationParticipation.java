package ar.aulas.conversation;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Posts per person, institution and encounter, for the participation figures: counted as they are written (a hidden
 * post stops counting until shown again; a moved thread's posts count in its new debate). Reading them is one
 * indexed query per course.
 */
@Service
public class ConversationParticipation {

    private final MongoTemplate mongo;

    ConversationParticipation(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void count(Post post, Space space, int delta) {
        mongo.upsert(Query.query(Criteria.where("_id").is(PostCount.id(post.getCourseCode(), post.getAuthorId()))),
                new Update().setOnInsert("courseCode", post.getCourseCode()).setOnInsert("accountId", post.getAuthorId())
                        .setOnInsert("institutionId", post.getAuthorInstitutionId())
                        .inc("total", delta).inc("spaces." + PostCount.bucket(space), delta), PostCount.class);
    }

    void moved(Post post, Space from, Space to) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(PostCount.id(post.getCourseCode(), post.getAuthorId()))),
                new Update().inc("spaces." + PostCount.bucket(from), -1).inc("spaces." + PostCount.bucket(to), 1),
                PostCount.class);
    }

    /** Posts per institution in the course (people without one under null). */
    public Map<String, Long> byInstitution(String courseCode) {
        Map<String, Long> sums = new HashMap<>();
        of(courseCode, null).forEach(c -> sums.merge(c.getInstitutionId(), c.getTotal(), Long::sum));
        return sums;
    }

    /** Posts per person of one institution in the course. */
    public Map<String, Long> byPerson(String courseCode, String institutionId) {
        Map<String, Long> sums = new HashMap<>();
        of(courseCode, institutionId).forEach(c -> sums.put(c.getAccountId(), c.getTotal()));
        return sums;
    }

    /** One person's posts: {@code total}, then per space ({@code m1}…, {@code team}, {@code questions}). */
    public Map<String, Long> ofPerson(String courseCode, String accountId) {
        PostCount c = mongo.findById(PostCount.id(courseCode, accountId), PostCount.class);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("total", c == null ? 0L : c.getTotal());
        if (c != null) {
            new TreeMap<>(c.getSpaces()).forEach((k, v) -> {
                if (v > 0) {
                    counts.put(k, v);
                }
            });
        }
        return counts;
    }

    private List<PostCount> of(String courseCode, String institutionId) {
        Criteria where = Criteria.where("courseCode").is(courseCode);
        if (institutionId != null) {
            where = where.and("institutionId").is(institutionId);
        }
        return mongo.find(Query.query(where), PostCount.class);
    }
}
