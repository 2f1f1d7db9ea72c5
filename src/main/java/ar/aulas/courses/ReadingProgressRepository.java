package ar.aulas.courses;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface ReadingProgressRepository extends MongoRepository<ReadingProgress, String> {

    List<ReadingProgress> findByAccountIdAndCourseCode(String accountId, String courseCode);
}
