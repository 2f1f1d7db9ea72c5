package ar.aulas.conversation;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A member's report of a post to the trainers; one per person and post ({@code <post>|<reporter>}). */
@Document("post_reports")
@CompoundIndex(name = "course_open", def = "{'courseCode': 1, 'resolved': 1}")
public class PostReport {

    @Id
    private String id;
    private String courseCode;
    private String threadId;
    private String postId;
    private String reporterId;
    private String reason;
    private Instant at;
    private boolean resolved;
    private String resolvedBy;
    private Instant resolvedAt;

    protected PostReport() {
    }

    PostReport(Post post, String reporterId, String reason, Instant at) {
        this.id = post.getId() + "|" + reporterId;
        this.courseCode = post.getCourseCode();
        this.threadId = post.getThreadId();
        this.postId = post.getId();
        this.reporterId = reporterId;
        this.reason = reason;
        this.at = at;
    }

    public String getId() { return id; }
    public String getThreadId() { return threadId; }
    public String getPostId() { return postId; }
    public String getReporterId() { return reporterId; }
    public String getReason() { return reason; }
    public Instant getAt() { return at; }
    public boolean isResolved() { return resolved; }
}
