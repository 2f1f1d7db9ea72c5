package ar.aulas.exercises;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface SubmissionRepository extends MongoRepository<Submission, String> {

    List<Submission> findByExerciseId(String exerciseId);

    /** A grading queue's rows, read with only their fields on the {exerciseId, status} index. */
    List<SubmissionSummary> findSummariesByExerciseId(String exerciseId);

    List<Submission> findByCourseCode(String courseCode);

    List<Submission> findByIdIn(Collection<String> ids);

    Optional<Submission> findByExerciseIdAndOwnerKey(String exerciseId, String ownerKey);

    long countByExerciseId(String exerciseId);
}
