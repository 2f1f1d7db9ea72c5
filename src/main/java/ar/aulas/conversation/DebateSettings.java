package ar.aulas.conversation;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A space's settings, set by its trainers: Q&A mode (a debate), and locked (no new threads). Absent = defaults. */
@Document("debate_settings")
public class DebateSettings {

    @Id
    private String id;
    private String courseCode;
    private String space;
    private boolean qaMode;
    private boolean locked;
    private String updatedBy;
    private Instant updatedAt;

    protected DebateSettings() {
    }

    DebateSettings(String courseCode, Space space) {
        this.id = id(courseCode, space);
        this.courseCode = courseCode;
        this.space = space.key();
    }

    static String id(String courseCode, Space space) {
        return courseCode + "|" + space.key();
    }

    void set(boolean qaMode, boolean locked, String by, Instant at) {
        this.qaMode = qaMode;
        this.locked = locked;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public String getId() { return id; }
    public boolean isQaMode() { return qaMode; }
    public boolean isLocked() { return locked; }
}
