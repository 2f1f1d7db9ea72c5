package ar.aulas.conversation;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A thread: its opening post and replies live in {@code posts}. The counters here serve the lists (replies, last
 * activity) and read tracking (a person has read the thread up to a number of posts).
 */
@Document("threads")
@CompoundIndex(name = "space_activity", def = "{'courseCode': 1, 'space': 1, 'lastActivityAt': -1}")
public class DiscussionThread {

    @Id
    private String id;
    private String courseCode;
    private String space;
    private String title;
    private String authorId;
    /** The author's institution in the course (a question shared with the team is shared with it). */
    private String institutionId;
    private Instant createdAt;
    private Instant lastActivityAt;
    private long posts;
    private boolean pinned;
    private boolean locked;
    /** Its opening post is hidden by a moderator: only moderators and the author see the thread. */
    private boolean hidden;
    /** A question published to the course as a frequently asked one, its asker not named. */
    private boolean faq;
    private boolean sharedWithTeam;

    protected DiscussionThread() {
    }

    DiscussionThread(String courseCode, Space space, String title, String authorId, String institutionId,
            boolean sharedWithTeam, Instant at) {
        this.courseCode = courseCode;
        this.space = space.key();
        this.title = title;
        this.authorId = authorId;
        this.institutionId = institutionId;
        this.sharedWithTeam = sharedWithTeam;
        this.createdAt = at;
        this.lastActivityAt = at;
        this.posts = 1;
    }

    public String getId() { return id; }
    public String getCourseCode() { return courseCode; }
    public String getSpace() { return space; }
    public Space space() { return Space.of(space); }
    public String getTitle() { return title; }
    public String getAuthorId() { return authorId; }
    public String getInstitutionId() { return institutionId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastActivityAt() { return lastActivityAt; }
    public long getPosts() { return posts; }
    public long getReplies() { return Math.max(0, posts - 1); }
    public boolean isPinned() { return pinned; }
    public boolean isLocked() { return locked; }
    public boolean isHidden() { return hidden; }
    public boolean isFaq() { return faq; }
    public boolean isSharedWithTeam() { return sharedWithTeam; }
}
