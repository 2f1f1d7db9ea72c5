package ar.aulas.conversation;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** How far a person has read a thread (its number of posts when they last opened it), or that they read an announcement. */
@Document("read_marks")
@CompoundIndex(name = "account_course", def = "{'accountId': 1, 'courseCode': 1}")
public class ReadMark {

    @Id
    private String id;
    private String accountId;
    private String courseCode;
    private String target;
    private long seen;
    private Instant at;

    protected ReadMark() {
    }

    static String id(String accountId, String target) {
        return accountId + "|" + target;
    }

    public String getTarget() { return target; }
    public long getSeen() { return seen; }
    public Instant getAt() { return at; }
}
