package ar.aulas.certificates;

import java.time.Instant;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface IssueJobRepository extends MongoRepository<IssueJob, String> {

    List<IssueJob> findTop5ByCourseCodeOrderByStartedAtDesc(String courseCode);

    List<IssueJob> findByStatusAndUpdatedAtBefore(IssueJob.Status status, Instant heartbeat);
}
