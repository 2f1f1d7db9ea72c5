package ar.aulas.attendance;

import ar.aulas.shared.web.RequestMemo;
import java.time.Instant;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;
import org.springframework.data.mongodb.repository.Update;

public interface AttendanceSessionRepository extends MongoRepository<AttendanceSession, String> {

    List<AttendanceSession> findByCourseCode(String courseCode);

    List<AttendanceSession> findByCourseCodeAndModuleNumberAndArchivedFalse(String courseCode, int moduleNumber);

    List<AttendanceSession> findByCourseCodeAndArchivedFalseOrderByModuleNumberAsc(String courseCode);

    /** The course's sessions in order, read once per page however many features ask. */
    default List<AttendanceSession> ofCourse(String courseCode) {
        return RequestMemo.get("sessions:" + courseCode, () -> findByCourseCodeAndArchivedFalseOrderByModuleNumberAsc(courseCode));
    }

    /**
     * Marks the session as taken if it was not: one guarded update of that field alone, so a check-in never
     * writes back a stale copy of the session (its window, date or venue changed meanwhile). 1 when this call
     * was the first, 0 otherwise.
     */
    @Query("{ '_id': ?0, 'takenAt': null }")
    @Update("{ '$set': { 'takenAt': ?1 } }")
    long markTaken(String id, Instant at);
}
