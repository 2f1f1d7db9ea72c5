package ar.aulas.exercises;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface ExerciseRepository extends MongoRepository<Exercise, String> {

    List<Exercise> findByCourseCode(String courseCode);

    List<Exercise> findByCourseCodeAndArchivedFalseOrderByModuleNumberAsc(String courseCode);

    List<Exercise> findByCourseCodeAndModuleNumberAndArchivedFalse(String courseCode, int moduleNumber);
}
