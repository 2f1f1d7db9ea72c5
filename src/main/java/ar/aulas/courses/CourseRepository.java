package ar.aulas.courses;

import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface CourseRepository extends MongoRepository<Course, String> {

    List<Course> findByArchivedFalseOrderByStartDateDesc();

    List<Course> findByCodeInAndArchivedFalseOrderByStartDateDesc(Collection<String> codes);

    List<Course> findByTrainerEmailsContainingAndArchivedFalseOrderByStartDateDesc(String email);
}
