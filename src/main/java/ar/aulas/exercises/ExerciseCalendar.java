package ar.aulas.exercises;

import ar.aulas.shared.CalendarEntries;
import ar.aulas.shared.web.PublicUrls;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Each exercise's due date (the person's or their team's, with an extension) in the calendar feed. */
@Component
class ExerciseCalendar implements CalendarEntries {

    private static final Locale SPANISH = Locale.forLanguageTag("es-AR");

    private final ExerciseRepository exercises;
    private final MessageSource messages;
    private final PublicUrls urls;

    ExerciseCalendar(ExerciseRepository exercises, MessageSource messages, PublicUrls urls) {
        this.exercises = exercises;
        this.messages = messages;
        this.urls = urls;
    }

    @Override
    public List<Entry> entries(String accountId, String institutionId, String courseCode, String timeZone) {
        List<Entry> entries = new ArrayList<>();
        for (Exercise e : exercises.findByCourseCodeAndArchivedFalseOrderByModuleNumberAsc(courseCode)) {
            var due = e.dueFor(e.ownerKeyOf(accountId, institutionId));
            if (due == null) {
                continue;
            }
            var at = due.atZone(ZoneId.of(timeZone)).toInstant();
            String url = urls.base() + "/courses/" + courseCode + "/modules/" + e.getModuleNumber() + "/exercises/" + e.getSlug();
            entries.add(new Entry(e.getId() + "@aulas-due", messages.getMessage("calendar.due",
                    new Object[] {e.getTitle(), e.getModuleNumber()}, SPANISH), at, at, url, url));
        }
        return entries;
    }
}
