package ar.aulas.conversation;

import ar.aulas.courses.Material;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A post of a thread: the opening one, a reply to it, or a reply to a reply (one level of nesting: a reply to a
 * nested reply hangs from the same top-level reply, quoting the one it answers).
 */
@Document("posts")
@CompoundIndex(name = "thread_time", def = "{'threadId': 1, 'createdAt': 1}")
@CompoundIndex(name = "course_time", def = "{'courseCode': 1, 'createdAt': 1}")
@CompoundIndex(name = "author_time", def = "{'authorId': 1, 'createdAt': 1}")
public class Post {

    /** The words quoted from the post replied to, and whose they were. */
    public record Quote(String postId, String authorId, String excerpt) {
    }

    @Id
    private String id;
    private String threadId;
    private String courseCode;
    private String space;
    private boolean opening;
    private String parentId;
    private Quote quote;
    private String authorId;
    private String authorInstitutionId;
    private String text;
    private String html;
    /** Lower case, no accents: what search matches. */
    private String searchable;
    private List<Material.StoredFile> attachments;
    private Instant createdAt;
    private Instant editedAt;
    private boolean hidden;
    private String hiddenReason;
    private String hiddenBy;
    private Instant hiddenAt;
    private boolean endorsed;
    private String endorsedBy;

    protected Post() {
    }

    Post(DiscussionThread thread, boolean opening, String parentId, Quote quote, String authorId,
            String authorInstitutionId, String text, String html, String searchable,
            List<Material.StoredFile> attachments, Instant at) {
        this.threadId = thread.getId();
        this.courseCode = thread.getCourseCode();
        this.space = thread.getSpace();
        this.opening = opening;
        this.parentId = parentId;
        this.quote = quote;
        this.authorId = authorId;
        this.authorInstitutionId = authorInstitutionId;
        this.text = text;
        this.html = html;
        this.searchable = searchable;
        this.attachments = List.copyOf(attachments);
        this.createdAt = at;
    }

    public String getId() { return id; }
    public String getThreadId() { return threadId; }
    public String getCourseCode() { return courseCode; }
    public String getSpace() { return space; }
    public boolean isOpening() { return opening; }
    public String getParentId() { return parentId; }
    public Quote getQuote() { return quote; }
    public String getAuthorId() { return authorId; }
    public String getAuthorInstitutionId() { return authorInstitutionId; }
    public String getText() { return text; }
    public String getHtml() { return html; }
    public String getSearchable() { return searchable; }
    public List<Material.StoredFile> getAttachments() { return attachments == null ? List.of() : attachments; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getEditedAt() { return editedAt; }
    public boolean isHidden() { return hidden; }
    public String getHiddenReason() { return hiddenReason; }
    public String getHiddenBy() { return hiddenBy; }
    public Instant getHiddenAt() { return hiddenAt; }
    public boolean isEndorsed() { return endorsed; }
}
