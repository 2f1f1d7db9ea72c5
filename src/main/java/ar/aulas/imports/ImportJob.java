package ar.aulas.imports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One import: who, when, which file, and its counts, updated as it runs (the page shows the progress);
 * with the rows that were not imported and why, for the error report.
 */
@Document("participant_imports")
public class ImportJob {

    public enum Status { RUNNING, DONE, FAILED }

    @Id
    private String id;
    private String byAccountId;
    private String byName;
    private String institutionScope;
    private String fileName;
    private Instant startedAt;
    private Instant finishedAt;
    private Status status;
    private int total;
    private int processed;
    private int created;
    private int updated;
    private int unchanged;
    private int enrolled;
    private int failed;
    private List<ImportRow> rejected = new ArrayList<>();

    protected ImportJob() {
    }

    ImportJob(String byAccountId, String byName, String institutionScope, String fileName, int total,
            List<ImportRow> rejected, Instant now) {
        this.byAccountId = byAccountId;
        this.byName = byName;
        this.institutionScope = institutionScope;
        this.fileName = fileName;
        this.total = total;
        this.rejected = new ArrayList<>(rejected);
        this.failed = rejected.size();
        this.startedAt = now;
        this.status = Status.RUNNING;
    }

    public int percent() {
        return total == 0 ? 100 : Math.min(100, (processed + failed) * 100 / total);
    }

    public String getId() { return id; }
    public String getByAccountId() { return byAccountId; }
    public String getByName() { return byName; }
    public String getInstitutionScope() { return institutionScope; }
    public String getFileName() { return fileName; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public Status getStatus() { return status; }
    public int getTotal() { return total; }
    public int getProcessed() { return processed; }
    public int getCreated() { return created; }
    public int getUpdated() { return updated; }
    public int getUnchanged() { return unchanged; }
    public int getEnrolled() { return enrolled; }
    public int getFailed() { return failed; }
    public List<ImportRow> getRejected() { return rejected == null ? List.of() : rejected; }
}
