package ar.aulas.notifications;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** One thing a person was told: a message key with its arguments (shown in the reader's language) and where it leads. */
@Document("notifications")
@CompoundIndex(name = "account_read", def = "{'accountId': 1, 'read': 1}")
@CompoundIndex(name = "account_created", def = "{'accountId': 1, 'createdAt': -1}")
public class Notification {

    public enum Kind { REPLY, MENTION, ANNOUNCEMENT, GRADE, ANSWER, REPORT, MODERATION, LIBRARY }

    @Id
    private String id;
    private String accountId;
    private Kind kind;
    private String key;
    private List<String> args;
    private String href;
    private Instant createdAt;
    private boolean read;

    protected Notification() {
    }

    Notification(String accountId, Kind kind, String key, List<String> args, String href, Instant createdAt) {
        this.accountId = accountId;
        this.kind = kind;
        this.key = key;
        this.args = List.copyOf(args);
        this.href = href;
        this.createdAt = createdAt;
    }

    public String getId() { return id; }
    public String getAccountId() { return accountId; }
    public Kind getKind() { return kind; }
    public String getKey() { return key; }
    public List<String> getArgs() { return args; }
    public Object[] argsArray() { return args == null ? new Object[0] : args.toArray(); }
    public String getHref() { return href; }
    public Instant getCreatedAt() { return createdAt; }
    public boolean isRead() { return read; }
}
