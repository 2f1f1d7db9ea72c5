package ar.aulas.conversation;

import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How many visible posts a person has in a course, in all and per space ({@code m1} for an encounter's debate,
 * {@code team}, {@code questions}), counted under the institution they wrote for: what the participation figures
 * read, kept as posts are written, hidden, shown again or moved.
 */
@Document("post_counts")
@CompoundIndex(name = "course_institution", def = "{'courseCode': 1, 'institutionId': 1}")
public class PostCount {

    @Id
    private String id;
    private String courseCode;
    private String accountId;
    private String institutionId;
    private long total;
    private Map<String, Long> spaces;

    protected PostCount() {
    }

    static String id(String courseCode, String accountId) {
        return courseCode + "|" + accountId;
    }

    /** The name a space is counted under. */
    static String bucket(Space space) {
        return switch (space.kind()) {
            case DEBATE -> space.key();
            case TEAM -> "team";
            case QUESTIONS -> "questions";
        };
    }

    public String getAccountId() { return accountId; }
    public String getInstitutionId() { return institutionId; }
    public long getTotal() { return total; }
    public Map<String, Long> getSpaces() { return spaces == null ? Map.of() : spaces; }
}
