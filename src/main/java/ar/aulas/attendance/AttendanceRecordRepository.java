package ar.aulas.attendance;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface AttendanceRecordRepository extends MongoRepository<AttendanceRecord, String> {

    List<AttendanceRecord> findBySessionId(String sessionId);

    List<AttendanceRecord> findByCourseCodeAndAccountId(String courseCode, String accountId);
}
