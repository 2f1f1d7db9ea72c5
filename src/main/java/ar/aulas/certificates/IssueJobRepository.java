package ar.aulas.certificates;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface IssueJobRepository extends MongoRepository<IssueJob, String> {

    List<IssueJob> findTop5ByCourseCodeOrderByStartedAtDesc(String courseCode);
}
