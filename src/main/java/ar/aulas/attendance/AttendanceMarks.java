package ar.aulas.attendance;

import ar.aulas.shared.web.RequestMemo;
import java.util.HashMap;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The marks of a course's sessions, as other features may know them (certificates, the participation figures):
 * session id → status, per person. Read on the records' own {@code {courseCode, accountId}} and
 * {@code {courseCode, institutionId}} indexes, with only those fields.
 */
@Component
public class AttendanceMarks {

    private final MongoTemplate mongo;

    AttendanceMarks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** One person's marks in the course (read once per page). */
    public Map<String, AttendanceStatus> of(String courseCode, String accountId) {
        return RequestMemo.get("attendance:" + courseCode + ":" + accountId, () -> {
            Map<String, AttendanceStatus> mine = new HashMap<>();
            read(Criteria.where("courseCode").is(courseCode).and("accountId").is(accountId),
                    (account, session, status) -> mine.put(session, status));
            return mine;
        });
    }

    /**
     * Everyone's marks in the course, or those recorded under one institution (someone who moved keeps their earlier
     * marks under their former institution): account id, then session id.
     */
    public Map<String, Map<String, AttendanceStatus>> ofCourse(String courseCode, String institutionId) {
        Criteria criteria = Criteria.where("courseCode").is(courseCode);
        if (institutionId != null) {
            criteria.and("institutionId").is(institutionId);
        }
        Map<String, Map<String, AttendanceStatus>> marks = new HashMap<>();
        read(criteria, (account, session, status) -> marks.computeIfAbsent(account, k -> new HashMap<>()).put(session, status));
        return marks;
    }

    private interface Mark {
        void put(String accountId, String sessionId, AttendanceStatus status);
    }

    private void read(Criteria criteria, Mark each) {
        Query query = Query.query(criteria);
        query.fields().include("accountId", "sessionId", "status");
        mongo.getCollection(mongo.getCollectionName(AttendanceRecord.class)).find(query.getQueryObject())
                .projection(query.getFieldsObject()).batchSize(5_000).forEach(d -> {
                    if (d.getString("status") != null) {
                        each.put(d.getString("accountId"), d.getString("sessionId"), AttendanceStatus.valueOf(d.getString("status")));
                    }
                });
    }
}
