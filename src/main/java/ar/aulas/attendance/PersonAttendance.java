package ar.aulas.attendance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** One person's marks in a course's sessions, each record by its id (session|account): no scan of the course's. */
@Component
public class PersonAttendance {

    private final MongoTemplate mongo;

    PersonAttendance(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Session id → status, for the sessions where the person has a mark (read once per page). */
    public Map<String, AttendanceStatus> statuses(String courseCode, List<AttendanceSession> sessions, String accountId) {
        return ar.aulas.shared.web.RequestMemo.get("attendance:" + courseCode + ":" + accountId + ":" + sessions.size(), () -> {
            Map<String, AttendanceStatus> mine = new HashMap<>();
            if (sessions.isEmpty()) {
                return mine;
            }
            mongo.getCollection("attendance_records").find(new Document("_id", new Document("$in",
                    sessions.stream().map(s -> s.getId() + "|" + accountId).toList())))
                    .projection(new Document("sessionId", 1).append("status", 1)).forEach(d -> {
                        if (d.getString("status") != null) {
                            mine.put(d.getString("sessionId"), AttendanceStatus.valueOf(d.getString("status")));
                        }
                    });
            return mine;
        });
    }
}
