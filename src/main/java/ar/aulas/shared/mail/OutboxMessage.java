package ar.aulas.shared.mail;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A mail kept in the store instead of being sent, when no SMTP server is configured. */
@Document("outbox")
public class OutboxMessage {

    @Id
    private String id;
    private String to;
    private String subject;
    private String body;
    /** Headers a real mail would carry (List-Unsubscribe and its one-click partner). */
    private Map<String, String> headers;
    @Indexed
    private Instant createdAt;

    protected OutboxMessage() {
    }

    OutboxMessage(String to, String subject, String body, Instant createdAt) {
        this(to, subject, body, Map.of(), createdAt);
    }

    OutboxMessage(String to, String subject, String body, Map<String, String> headers, Instant createdAt) {
        this.headers = headers.isEmpty() ? null : Map.copyOf(headers);
        this.to = to;
        this.subject = subject;
        this.body = body;
        this.createdAt = createdAt;
    }

    public String getId() { return id; }
    public String getTo() { return to; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public Map<String, String> getHeaders() { return headers == null ? Map.of() : headers; }
    public Instant getCreatedAt() { return createdAt; }
}
