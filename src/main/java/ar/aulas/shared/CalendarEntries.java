package ar.aulas.shared;

import java.time.Instant;
import java.util.List;

/**
 * Implemented by features that put dates in a person's calendar feed (the exercises' due dates), so the
 * feed shows them without depending on those features.
 */
public interface CalendarEntries {

    /** One event; a deadline has {@code start} equal to {@code end}. */
    record Entry(String uid, String title, Instant start, Instant end, String description, String url) {
    }

    /** The person's entries in one course ({@code institutionId}: their institution in it, for team work). */
    List<Entry> entries(String accountId, String institutionId, String courseCode, String timeZone);
}
