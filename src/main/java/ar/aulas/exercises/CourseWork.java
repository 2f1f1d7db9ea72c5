package ar.aulas.exercises;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What other features may know of a course's work (certificates and the participation figures): for each owner
 * and exercise, the submission's status and the last grade given. Read on the submissions' own
 * {@code {courseCode, institutionId, status}} and {@code {courseCode, ownerKey}} indexes, without the texts, files
 * and history a standing never shows.
 */
@Component
public class CourseWork {

    /** One owner's work on one exercise: its status and the last grade given (which may be an earlier attempt's). */
    public record Mark(String exerciseId, String ownerKey, Submission.Status status, Submission.Verdict verdict,
            BigDecimal score) {
    }

    private final MongoTemplate mongo;

    CourseWork(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Every submission of the course, or of one institution's people and team: owner key, then exercise id. */
    public Map<String, Map<String, Mark>> of(String courseCode, String institutionId) {
        Criteria criteria = Criteria.where("courseCode").is(courseCode);
        if (institutionId != null) {
            criteria.and("institutionId").is(institutionId);
        }
        return marks(criteria);
    }

    /** The submissions of these owners in the course (a person and their institution's team, say). */
    public Map<String, Map<String, Mark>> ofOwners(String courseCode, Collection<String> ownerKeys) {
        return marks(Criteria.where("courseCode").is(courseCode).and("ownerKey").in(ownerKeys));
    }

    private Map<String, Map<String, Mark>> marks(Criteria criteria) {
        Query query = Query.query(criteria);
        // left out by exclusion: including "attempts.grade" yields missing values for ungraded attempts
        query.fields().exclude("attempts.text", "attempts.files", "attempts.contributions", "history", "tokens");
        Map<String, Map<String, Mark>> byOwner = new HashMap<>();
        List<Submission> found = mongo.find(query, Submission.class);
        for (Submission s : found) {
            Submission.Grade last = s.lastGrade();
            byOwner.computeIfAbsent(s.getOwnerKey(), k -> new HashMap<>()).put(s.getExerciseId(), new Mark(s.getExerciseId(),
                    s.getOwnerKey(), s.getStatus(), last == null ? null : last.verdict(), last == null ? null : last.score()));
        }
        return byOwner;
    }
}
