package ar.aulas.conversation;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** The audit of the conversation: who did what to which thread or post, when, and why. Never changed. */
@Document("conversation_audit")
@CompoundIndex(name = "course_time", def = "{'courseCode': 1, 'at': -1}")
public class ModerationEntry {

    public enum Action { HIDE, SHOW, LOCK, UNLOCK, PIN, UNPIN, ENDORSE, UNENDORSE, MOVE, REPORT, RESOLVE, SETTINGS,
        PUBLISH_FAQ, UNPUBLISH_FAQ }

    @Id
    private String id;
    private String courseCode;
    private Instant at;
    private String actorId;
    private Action action;
    private String threadId;
    private String postId;
    private String detail;

    protected ModerationEntry() {
    }

    ModerationEntry(String courseCode, Instant at, String actorId, Action action, String threadId, String postId,
            String detail) {
        this.courseCode = courseCode;
        this.at = at;
        this.actorId = actorId;
        this.action = action;
        this.threadId = threadId;
        this.postId = postId;
        this.detail = detail;
    }

    public String getId() { return id; }
    public String getCourseCode() { return courseCode; }
    public Instant getAt() { return at; }
    public String getActorId() { return actorId; }
    public Action getAction() { return action; }
    public String getThreadId() { return threadId; }
    public String getPostId() { return postId; }
    public String getDetail() { return detail; }
}
