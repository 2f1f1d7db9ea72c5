package ar.aulas.courses;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A participant's place in a course edition. The id {@code <course>:<account>} makes enrolling
 * idempotent; unenrolling keeps the document (and so the person's history).
 */
@Document("enrolments")
// the participation dashboard groups a course's active enrolments by institution
@CompoundIndex(name = "course_active_institution",
        def = "{'courseCode': 1, 'active': 1, 'institutionId': 1}")
public class Enrolment {

    @Id
    private String id;
    @Indexed
    private String courseCode;
    @Indexed
    private String accountId;
    private String institutionId;
    private boolean active;
    private Instant enrolledAt;
    private String enrolledBy;
    private Instant unenrolledAt;

    protected Enrolment() {
    }

    Enrolment(String courseCode, String accountId, String institutionId, String enrolledBy, Instant at) {
        this.id = id(courseCode, accountId);
        this.courseCode = courseCode;
        this.accountId = accountId;
        this.institutionId = institutionId;
        this.active = true;
        this.enrolledAt = at;
        this.enrolledBy = enrolledBy;
    }

    static String id(String courseCode, String accountId) {
        return courseCode + ":" + accountId;
    }

    public String getId() { return id; }
    public String getCourseCode() { return courseCode; }
    public String getAccountId() { return accountId; }
    public String getInstitutionId() { return institutionId; }
    public boolean isActive() { return active; }
    public Instant getEnrolledAt() { return enrolledAt; }
    public String getEnrolledBy() { return enrolledBy; }
    public Instant getUnenrolledAt() { return unenrolledAt; }
}
