package ar.aulas.courses;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A course edition, loaded from {@code courses/<folder>/course.yml}. Its id is its code. */
@Document("courses")
public class Course {

    @Id
    private String code;
    private String folder;
    private String title;
    private String edition;
    private LocalDate startDate;
    private LocalDate endDate;
    private int totalHours;
    private String summaryHtml;
    private String summaryText;
    private List<String> trainerEmails;
    private String timeZone;
    /** Certificate rules as written in course.yml; read by the certificates feature. */
    private Map<String, Object> certificates;
    /** Attendance settings as written in course.yml (weights); read by the attendance feature. */
    private Map<String, Object> attendance;
    private String contentHash;
    private boolean archived;
    private Instant syncedAt;

    protected Course() {
    }

    Course(String code) {
        this.code = code;
    }

    void update(String folder, String title, String edition, LocalDate startDate, LocalDate endDate, int totalHours,
            String summaryHtml, String summaryText, List<String> trainerEmails, String timeZone,
            Map<String, Object> certificates, Map<String, Object> attendance, String contentHash, Instant syncedAt) {
        this.attendance = attendance;
        this.folder = folder;
        this.title = title;
        this.edition = edition;
        this.startDate = startDate;
        this.endDate = endDate;
        this.totalHours = totalHours;
        this.summaryHtml = summaryHtml;
        this.summaryText = summaryText;
        this.trainerEmails = List.copyOf(trainerEmails);
        this.timeZone = timeZone;
        this.certificates = certificates;
        this.contentHash = contentHash;
        this.archived = false;
        this.syncedAt = syncedAt;
    }

    public boolean hasTrainer(String email) {
        return email != null && trainerEmails != null && trainerEmails.contains(email.toLowerCase(Locale.ROOT));
    }

    public String getCode() { return code; }
    public String getFolder() { return folder; }
    public String getTitle() { return title; }
    public String getEdition() { return edition; }
    public LocalDate getStartDate() { return startDate; }
    public LocalDate getEndDate() { return endDate; }
    public int getTotalHours() { return totalHours; }
    public String getSummaryHtml() { return summaryHtml; }
    public String getSummaryText() { return summaryText; }
    public List<String> getTrainerEmails() { return trainerEmails == null ? List.of() : trainerEmails; }
    public String getTimeZone() { return timeZone; }
    public Map<String, Object> getCertificates() { return certificates == null ? Map.of() : certificates; }
    public Map<String, Object> getAttendance() { return attendance == null ? Map.of() : attendance; }
    public String getContentHash() { return contentHash; }
    public boolean isArchived() { return archived; }
    public Instant getSyncedAt() { return syncedAt; }
}
