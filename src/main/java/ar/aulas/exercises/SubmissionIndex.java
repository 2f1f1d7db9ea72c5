package ar.aulas.exercises;

import com.mongodb.client.model.UpdateOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The submissions of each exercise, by owner: one document per exercise ({@code submission_owners}) mapping
 * each owner key to its submission's id, so an exercise's submissions are read by their ids. The embedded store
 * has no secondary indexes: a filter on the exercise scanned every submission of every course (2.6 s for a
 * queue of 1,000 among 50,000).
 *
 * <p>A new submission is recorded before it is inserted (its id is chosen first): an entry whose insert never
 * happened points nowhere and is skipped; a submission is never missing. An exercise whose index was never
 * completed (data from before the index, or written around the services) is completed from one scan on its
 * first read.
 */
@Component
public class SubmissionIndex {

    static final String OWNERS = "submission_owners";

    private final MongoTemplate mongo;
    private final SubmissionRepository submissions;

    SubmissionIndex(MongoTemplate mongo, SubmissionRepository submissions) {
        this.mongo = mongo;
        this.submissions = submissions;
    }

    /** Before inserting (or after finding that a team-mate's insert won): this submission is its owner's. */
    void record(Submission submission) {
        mongo.getCollection(OWNERS).updateOne(new Document("_id", submission.getExerciseId()),
                new Document("$set", new Document("s." + submission.getOwnerKey(), submission.getId())),
                new UpdateOptions().upsert(true));
    }

    /** What a grading queue filters, counts and sorts by, for each submission of the exercise. */
    public record Summary(String id, Submission.Status status, String institutionId, boolean late,
            java.time.Instant updatedAt) {
    }

    /**
     * After a save: the submission's summary in the exercise's document, so a queue reads one document instead
     * of deserialising 1,000 submissions. Written after the save; if the process stops in between, that one
     * summary shows the earlier status until the submission is saved again.
     */
    void saved(Submission submission) {
        mongo.getCollection(SUMMARIES).updateOne(new Document("_id", bucket(submission.getExerciseId(), submission.getId())),
                new Document("$set", new Document("m." + submission.getId(), entry(submission.getStatus().name(),
                        submission.getInstitutionId(), submission.isLate(), submission.getUpdatedAt()))),
                new UpdateOptions().upsert(true));
    }

    /**
     * Summaries are kept in {@value #BUCKETS} documents per exercise ({@code <exercise>#<n>}, by the submission's
     * id): a save rewrites one small document, not one holding the whole exercise's (the embedded server rewrites
     * the whole document on every update, and one document held the 1,000 summaries of an exercise).
     */
    static final String SUMMARIES = "submission_summaries";
    static final int BUCKETS = 16;

    private static String bucket(String exerciseId, String submissionId) {
        return exerciseId + "#" + Math.floorMod(submissionId.hashCode(), BUCKETS);
    }

    private static Document entry(String status, String institutionId, boolean late, java.time.Instant updatedAt) {
        return new Document("st", status).append("in", institutionId).append("l", late)
                .append("u", updatedAt == null ? null : java.util.Date.from(updatedAt));
    }

    /**
     * The exercise's submissions as summaries, from the exercise's document. Submissions without one (data from
     * before, or written around the services) are read by ids with only those fields, once, and their summaries
     * kept; an id whose insert never happened is kept as gone.
     */
    public List<Summary> summaries(String exerciseId) {
        Document doc = mongo.getCollection(OWNERS).find(new Document("_id", exerciseId)).first();
        if (doc == null || !Boolean.TRUE.equals(doc.getBoolean("complete"))) {
            complete(exerciseId);
            doc = mongo.getCollection(OWNERS).find(new Document("_id", exerciseId)).first();
        }
        Document owners = doc == null ? null : doc.get("s", Document.class);
        Document kept = new Document();
        List<String> buckets = new ArrayList<>();
        for (int n = 0; n < BUCKETS; n++) {
            buckets.add(exerciseId + "#" + n);
        }
        mongo.getCollection(SUMMARIES).find(new Document("_id", new Document("$in", buckets))).forEach(b -> {
            Document m = b.get("m", Document.class);
            if (m != null) {
                kept.putAll(m);
            }
        });
        List<Object> missing = new ArrayList<>();
        if (owners != null) {
            owners.values().forEach(id -> {
                if (!kept.containsKey(id.toString())) {
                    missing.add(org.bson.types.ObjectId.isValid(id.toString()) ? new org.bson.types.ObjectId(id.toString()) : id);
                }
            });
        }
        if (!missing.isEmpty()) {
            // an id whose insert never happened (or is under way) stays missing and is looked up again next time
            Map<String, Document> sets = new java.util.HashMap<>();
            mongo.getCollection("submissions").find(new Document("_id", new Document("$in", missing)))
                    .projection(new Document("status", 1).append("institutionId", 1).append("late", 1).append("updatedAt", 1))
                    .forEach(d -> {
                        Document e = entry(d.getString("status"), d.getString("institutionId"),
                                Boolean.TRUE.equals(d.getBoolean("late")),
                                d.getDate("updatedAt") == null ? null : d.getDate("updatedAt").toInstant());
                        sets.computeIfAbsent(bucket(exerciseId, d.get("_id").toString()), k -> new Document())
                                .append("m." + d.get("_id"), e);
                        kept.put(d.get("_id").toString(), e);
                    });
            sets.forEach((bucket, set) -> mongo.getCollection(SUMMARIES).updateOne(new Document("_id", bucket),
                    new Document("$set", set), new UpdateOptions().upsert(true)));
        }
        List<Summary> result = new ArrayList<>();
        if (owners == null) {
            return result;
        }
        for (Object id : owners.values()) {
            Document e = kept.get(id.toString(), Document.class);
            if (e != null && e.getString("st") != null) {
                result.add(new Summary(id.toString(), Submission.Status.valueOf(e.getString("st")), e.getString("in"),
                        Boolean.TRUE.equals(e.getBoolean("l")), e.getDate("u") == null ? null : e.getDate("u").toInstant()));
            }
        }
        return result;
    }

    /** The ids of the exercise's submissions, as stored (to read them, or some of their fields, by id). */
    public List<Object> ids(String exerciseId) {
        Document doc = mongo.getCollection(OWNERS).find(new Document("_id", exerciseId)).projection(new Document("s", 1)
                .append("complete", 1)).first();
        if (doc == null || !Boolean.TRUE.equals(doc.getBoolean("complete"))) {
            complete(exerciseId);
            doc = mongo.getCollection(OWNERS).find(new Document("_id", exerciseId)).projection(new Document("s", 1)).first();
        }
        List<Object> ids = new ArrayList<>();
        Document owners = doc == null ? null : doc.get("s", Document.class);
        if (owners != null) {
            owners.values().forEach(id -> ids.add(org.bson.types.ObjectId.isValid(id.toString())
                    ? new org.bson.types.ObjectId(id.toString()) : id));
        }
        return ids;
    }

    /** Every submission of the exercise. */
    public List<Submission> of(String exerciseId) {
        Document doc = mongo.getCollection(OWNERS).find(new Document("_id", exerciseId)).first();
        if (doc == null || !Boolean.TRUE.equals(doc.getBoolean("complete"))) {
            return complete(exerciseId);
        }
        List<String> ids = new ArrayList<>();
        Document owners = doc.get("s", Document.class);
        if (owners != null) {
            owners.values().forEach(id -> ids.add(id.toString()));
        }
        List<Submission> result = new ArrayList<>();
        submissions.findAllById(ids).forEach(result::add);
        return result;
    }

    /** One scan of the exercise's submissions, merged into what new submissions recorded meanwhile. */
    private List<Submission> complete(String exerciseId) {
        List<Submission> all = submissions.findByExerciseId(exerciseId);
        Document set = new Document("complete", true);
        all.forEach(s -> set.append("s." + s.getOwnerKey(), s.getId()));
        mongo.getCollection(OWNERS).updateOne(new Document("_id", exerciseId), new Document("$set", set),
                new UpdateOptions().upsert(true));
        return all;
    }
}
