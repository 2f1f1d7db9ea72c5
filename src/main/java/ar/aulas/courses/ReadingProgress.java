package ar.aulas.courses;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** "Marcar como leída": one document per participant and reading, so marking twice changes nothing. */
@Document("reading_progress")
public record ReadingProgress(@Id String id, @Indexed String accountId, String courseCode, String readingId,
        Instant readAt) {

    static String id(String accountId, String readingId) {
        return accountId + ":" + readingId;
    }
}
