package ar.aulas.conversation;

import ar.aulas.courses.Material;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A convocatoria: to a whole course or to one institution's people in it, published now or at a set time, pinned
 * until a date. Everyone concerned is told once ({@code delivered}), by mail and the bell.
 */
@Document("announcements")
@CompoundIndex(name = "course_publish", def = "{'courseCode': 1, 'publishAt': -1}")
@CompoundIndex(name = "delivery", def = "{'delivered': 1, 'publishAt': 1}")
public class Announcement {

    @Id
    private String id;
    private String courseCode;
    /** Null: the whole course. */
    private String institutionId;
    private String title;
    private String text;
    private String html;
    private List<Material.StoredFile> attachments;
    private String authorId;
    private Instant createdAt;
    private Instant publishAt;
    private LocalDate pinnedUntil;
    private boolean delivered;
    private int deliveredTo;

    protected Announcement() {
    }

    Announcement(String courseCode, String institutionId, String title, String text, String html,
            List<Material.StoredFile> attachments, String authorId, Instant createdAt, Instant publishAt,
            LocalDate pinnedUntil) {
        this.courseCode = courseCode;
        this.institutionId = institutionId;
        this.title = title;
        this.text = text;
        this.html = html;
        this.attachments = List.copyOf(attachments);
        this.authorId = authorId;
        this.createdAt = createdAt;
        this.publishAt = publishAt;
        this.pinnedUntil = pinnedUntil;
    }

    public String getId() { return id; }
    public String getCourseCode() { return courseCode; }
    public String getInstitutionId() { return institutionId; }
    public String getTitle() { return title; }
    public String getText() { return text; }
    public String getHtml() { return html; }
    public List<Material.StoredFile> getAttachments() { return attachments == null ? List.of() : attachments; }
    public String getAuthorId() { return authorId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getPublishAt() { return publishAt; }
    public LocalDate getPinnedUntil() { return pinnedUntil; }
    public boolean isDelivered() { return delivered; }
    public int getDeliveredTo() { return deliveredTo; }

    public boolean isPublishedAt(Instant now) {
        return !publishAt.isAfter(now);
    }

    public boolean isPinnedOn(LocalDate day) {
        return pinnedUntil != null && !day.isAfter(pinnedUntil);
    }
}
