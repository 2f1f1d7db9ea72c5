package ar.aulas.exercises;

import ar.aulas.shared.web.RequestMemo;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface ExerciseRepository extends MongoRepository<Exercise, String> {

    List<Exercise> findByCourseCode(String courseCode);

    List<Exercise> findByCourseCodeAndArchivedFalseOrderByModuleNumberAsc(String courseCode);

    /** The course's exercises in order, read once per page however many features ask. */
    default List<Exercise> ofCourse(String courseCode) {
        return RequestMemo.get("exercises:" + courseCode, () -> findByCourseCodeAndArchivedFalseOrderByModuleNumberAsc(courseCode));
    }

    List<Exercise> findByCourseCodeAndModuleNumberAndArchivedFalse(String courseCode, int moduleNumber);
}
