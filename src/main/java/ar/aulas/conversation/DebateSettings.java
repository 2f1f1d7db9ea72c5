package ar.aulas.conversation;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A space's settings, set by its trainers: Q&A mode (a debate), locked (no new threads), and whether the debate is
 * graded for participation (points per post, up to a maximum). Absent = defaults: none of them.
 */
@Document("debate_settings")
@CompoundIndex(name = "course", def = "{'courseCode': 1}")
public class DebateSettings {

    @Id
    private String id;
    private String courseCode;
    private String space;
    private boolean qaMode;
    private boolean locked;
    private int pointsPerPost;
    private int maxPoints;
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

    void set(boolean qaMode, boolean locked, int pointsPerPost, int maxPoints, String by, Instant at) {
        this.qaMode = qaMode;
        this.locked = locked;
        this.pointsPerPost = pointsPerPost;
        this.maxPoints = maxPoints;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public String getId() { return id; }
    public boolean isQaMode() { return qaMode; }
    public boolean isLocked() { return locked; }
    public int getPointsPerPost() { return pointsPerPost; }
    public int getMaxPoints() { return maxPoints; }
    public String getSpace() { return space; }
    public boolean isGraded() { return pointsPerPost > 0 && maxPoints > 0; }

    /** The participation points of a number of posts. */
    public long points(long posts) {
        return isGraded() ? Math.min(maxPoints, posts * pointsPerPost) : 0;
    }
}
