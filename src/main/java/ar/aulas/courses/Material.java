package ar.aulas.courses;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** Something a trainer adds to a module: an uploaded file, a link or a short Markdown note. */
@Document("materials")
@CompoundIndex(name = "course_module_position", def = "{'courseCode': 1, 'moduleNumber': 1, 'position': 1}")
public class Material {

    public enum Kind { FILE, LINK, NOTE }

    public record StoredFile(String fileId, String name, long size, String contentType, String sha256) {
    }

    @Id
    private String id;
    private String courseCode;
    private int moduleNumber;
    private Kind kind;
    private String title;
    private String description;
    private String url;
    private String noteMarkdown;
    private String noteHtml;
    private StoredFile file;
    private boolean hidden;
    private long position;
    private String searchText;
    private String createdBy;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    protected Material() {
    }

    Material(String courseCode, int moduleNumber, Kind kind, long position, String createdBy, Instant at) {
        this.courseCode = courseCode;
        this.moduleNumber = moduleNumber;
        this.kind = kind;
        this.position = position;
        this.createdBy = createdBy;
        this.createdAt = at;
    }

    void describe(String title, String description, String url, String noteMarkdown, String noteHtml, String searchText,
            Instant at) {
        this.title = title;
        this.description = description;
        this.url = url;
        this.noteMarkdown = noteMarkdown;
        this.noteHtml = noteHtml;
        this.searchText = searchText;
        this.updatedAt = at;
    }

    void attach(StoredFile file) {
        this.file = file;
    }

    void hide(boolean hidden) {
        this.hidden = hidden;
    }

    void moveTo(long position) {
        this.position = position;
    }

    public String getId() { return id; }
    public String getCourseCode() { return courseCode; }
    public int getModuleNumber() { return moduleNumber; }
    public Kind getKind() { return kind; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public String getUrl() { return url; }
    public String getNoteMarkdown() { return noteMarkdown; }
    public String getNoteHtml() { return noteHtml; }
    public StoredFile getFile() { return file; }
    public boolean isHidden() { return hidden; }
    public long getPosition() { return position; }
    public String getSearchText() { return searchText; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Long getVersion() { return version; }
}
