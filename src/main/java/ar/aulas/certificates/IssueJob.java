package ar.aulas.certificates;

import java.time.Duration;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A bulk issue running in the background. Its counters are updated with single-document {@code $inc}, so the progress
 * page can be reloaded at any time. While it runs, its heartbeat ({@code updatedAt}) is written every {@link #BEAT}; a
 * job whose heartbeat is older than two beats was interrupted (the process died), and another instance resumes it.
 * <p>
 * No secondary index on its status and heartbeat, although the resumer asks by them: the collection holds a few jobs
 * per course, and on the embedded store such an index, on a field several threads rewrite in one document several
 * times a second, left the store unable to commit (generation of sizes M and L hung in H2's chunk bookkeeping; see
 * docs/embedded-store.md).
 */
@Document("certificate_jobs")
public class IssueJob {

    public enum Status { RUNNING, DONE, FAILED }

    static final Duration BEAT = Duration.ofSeconds(5);

    @Id
    private String id;
    private String courseCode;
    private CertificateType type;
    private String requestedBy;
    private boolean notify;
    private Status status;
    private int total;
    private int issued;
    private int skipped;
    private int failed;
    private String lastError;
    private Instant startedAt;
    private Instant updatedAt;
    private Instant finishedAt;
    /** How people reached Aulas when the job was started: printed in the QR of every certificate it issues. */
    private String baseUrl;
    /** How many times another instance (or this one after a restart) took the job over when its heartbeat stopped. */
    private int resumes;

    protected IssueJob() {
    }

    IssueJob(String courseCode, CertificateType type, String requestedBy, boolean notify, int total, Instant now) {
        this(courseCode, type, requestedBy, notify, total, now, null);
    }

    IssueJob(String courseCode, CertificateType type, String requestedBy, boolean notify, int total, Instant now,
            String baseUrl) {
        this.baseUrl = baseUrl;
        this.courseCode = courseCode;
        this.type = type;
        this.requestedBy = requestedBy;
        this.notify = notify;
        this.total = total;
        this.status = Status.RUNNING;
        this.startedAt = now;
        this.updatedAt = now;
    }

    public int done() {
        return issued + skipped + failed;
    }

    public int percent() {
        return total == 0 ? 100 : Math.min(100, done() * 100 / total);
    }

    public boolean interrupted(Instant now) {
        return status == Status.RUNNING && updatedAt.plus(BEAT.multipliedBy(2)).isBefore(now);
    }

    public int getResumes() { return resumes; }
    public String getId() { return id; }
    public String getCourseCode() { return courseCode; }
    public CertificateType getType() { return type; }
    public String getRequestedBy() { return requestedBy; }
    public boolean isNotify() { return notify; }
    public Status getStatus() { return status; }
    public int getTotal() { return total; }
    public int getIssued() { return issued; }
    public int getSkipped() { return skipped; }
    public int getFailed() { return failed; }
    public String getLastError() { return lastError; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public String getBaseUrl() { return baseUrl; }
}
