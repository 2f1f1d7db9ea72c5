package ar.aulas.shared.web;

import ar.aulas.shared.Salta;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Dates as people in Salta read them: dd/MM/yyyy, 24-hour clock, Salta time. Used as {@code @fmt} in templates. */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(Salta.ZONE));
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(Salta.ZONE));
    }

    /** 830 B, 12,5 KB, 3,1 MB (decimal comma in Spanish, point in English). */
    public String size(long bytes) {
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        if (bytes < 1024) {
            return bytes + " B";
        }
        double kb = bytes / 1024.0;
        if (kb < 1024) {
            return String.format(locale, "%.1f KB", kb);
        }
        return String.format(locale, "%.1f MB", kb / 1024.0);
    }

    public String dateTime(LocalDateTime dateTime) {
        return dateTime == null ? "" : DATE_TIME.format(dateTime);
    }
}
