package ar.aulas.courses;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface CourseModuleRepository extends MongoRepository<CourseModule, String> {

    List<CourseModule> findByCourseCodeOrderByNumberAsc(String courseCode);

    List<CourseModule> findByCourseCodeAndArchivedFalseOrderByNumberAsc(String courseCode);
}
