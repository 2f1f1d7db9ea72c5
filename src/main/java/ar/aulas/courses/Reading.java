package ar.aulas.courses;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A reading of a module, from a Markdown file. Id: {@code <course code>/<module number>/<slug>}. */
@Document("readings")
@CompoundIndex(name = "course_module", def = "{'courseCode': 1, 'moduleNumber': 1, 'position': 1}")
public class Reading {

    public enum Kind { REQUIRED, COMPLEMENTARY }

    public record Attachment(String name, String fileId, String sha256, long size, String contentType) {
    }

    @Id
    private String id;
    private String courseCode;
    private int moduleNumber;
    private String slug;
    private int position;
    private String title;
    private Kind kind;
    private int minutes;
    private String bodyHtml;
    private String searchText;
    private List<Attachment> attachments;
    private String contentHash;
    private boolean archived;

    protected Reading() {
    }

    Reading(String courseCode, int moduleNumber, String slug) {
        this.id = id(courseCode, moduleNumber, slug);
        this.courseCode = courseCode;
        this.moduleNumber = moduleNumber;
        this.slug = slug;
    }

    static String id(String courseCode, int moduleNumber, String slug) {
        return courseCode + "/" + moduleNumber + "/" + slug;
    }

    void update(int position, String title, Kind kind, int minutes, String bodyHtml, String searchText,
            List<Attachment> attachments, String contentHash) {
        this.position = position;
        this.title = title;
        this.kind = kind;
        this.minutes = minutes;
        this.bodyHtml = bodyHtml;
        this.searchText = searchText;
        this.attachments = List.copyOf(attachments);
        this.contentHash = contentHash;
        this.archived = false;
    }

    void archive() {
        this.archived = true;
    }

    public String getId() { return id; }
    public String getCourseCode() { return courseCode; }
    public int getModuleNumber() { return moduleNumber; }
    public String getSlug() { return slug; }
    public int getPosition() { return position; }
    public String getTitle() { return title; }
    public Kind getKind() { return kind; }
    public int getMinutes() { return minutes; }
    public String getBodyHtml() { return bodyHtml; }
    public String getSearchText() { return searchText; }
    public List<Attachment> getAttachments() { return attachments == null ? List.of() : attachments; }
    public String getContentHash() { return contentHash; }
    public boolean isArchived() { return archived; }
}
