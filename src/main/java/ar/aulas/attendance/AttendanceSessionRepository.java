package ar.aulas.attendance;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface AttendanceSessionRepository extends MongoRepository<AttendanceSession, String> {

    List<AttendanceSession> findByCourseCode(String courseCode);

    List<AttendanceSession> findByCourseCodeAndModuleNumberAndArchivedFalse(String courseCode, int moduleNumber);

    List<AttendanceSession> findByCourseCodeAndArchivedFalseOrderByModuleNumberAsc(String courseCode);
}
