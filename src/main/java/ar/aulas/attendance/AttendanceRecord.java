package ar.aulas.attendance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One participant's mark for one session, with its history. One document per person and session,
 * so two trainers taking the roll at once never overwrite each other's marks for other people.
 */
@Document("attendance_records")
// the dashboard and certificate eligibility read a course's records by institution and by person
@CompoundIndex(name = "course_institution", def = "{'courseCode': 1, 'institutionId': 1}")
@CompoundIndex(name = "course_account", def = "{'courseCode': 1, 'accountId': 1}")
public class AttendanceRecord {

    public enum Source { ROLL_CALL, CHECK_IN, SHEET }

    public record Change(String by, Instant at, AttendanceStatus from, AttendanceStatus to, Source source) {
    }

    @Id
    private String id;
    @Indexed
    private String sessionId;
    @Indexed
    private String courseCode;
    @Indexed
    private String accountId;
    private String institutionId;
    private AttendanceStatus status;
    private String reason;
    private Source source;
    private String markedBy;
    private Instant markedAt;
    private List<Change> history = new ArrayList<>();
    @Version
    private Long version;

    protected AttendanceRecord() {
    }

    AttendanceRecord(String sessionId, String courseCode, String accountId, String institutionId) {
        this.id = sessionId + "|" + accountId;
        this.sessionId = sessionId;
        this.courseCode = courseCode;
        this.accountId = accountId;
        this.institutionId = institutionId;
    }

    /** @return false when nothing changed (saving the same mark twice is a no-op) */
    boolean mark(AttendanceStatus to, String reason, Source source, String by, Instant at) {
        String cleanReason = to == AttendanceStatus.EXCUSED && reason != null && !reason.isBlank() ? reason.strip() : null;
        if (to == status && Objects.equals(cleanReason, this.reason)) {
            return false;
        }
        history.add(new Change(by, at, status, to, source));
        this.status = to;
        this.reason = cleanReason;
        this.source = source;
        this.markedBy = by;
        this.markedAt = at;
        return true;
    }

    public String getId() { return id; }
    public String getSessionId() { return sessionId; }
    public String getCourseCode() { return courseCode; }
    public String getAccountId() { return accountId; }
    public String getInstitutionId() { return institutionId; }
    public AttendanceStatus getStatus() { return status; }
    public String getReason() { return reason; }
    public Source getSource() { return source; }
    public String getMarkedBy() { return markedBy; }
    public Instant getMarkedAt() { return markedAt; }
    public List<Change> getHistory() { return history; }
    public Long getVersion() { return version; }
}
