package ar.aulas.courses;

import ar.aulas.courses.content.ContentError;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The outcome of the last sync of one course folder, shown to admins. */
@Document("course_sync_reports")
public record SyncReport(@Id String folder, String courseCode, Outcome outcome, int written, int archived,
        long millis, List<ContentError> errors, Instant at) {

    public enum Outcome { IMPORTED, UNCHANGED, REJECTED }

    public boolean rejected() {
        return outcome == Outcome.REJECTED;
    }
}
