package ar.aulas.shared.web;

import ar.aulas.shared.Salta;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
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

    /** 14:05, Salta time. */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(Salta.ZONE));
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(Salta.ZONE));
    }

    /** 830 B, 12,5 KB, 3,1 MB (decimal comma in Spanish, point in English). */
    public String size(long bytes) {
        Locale locale = LocaleContextHolder.getLocale();
        if (bytes < 1024) {
            return bytes + " B";
        }
        double kb = bytes / 1024.0;
        if (kb < 1024) {
            return String.format(locale, "%.1f KB", kb);
        }
        return String.format(locale, "%.1f MB", kb / 1024.0);
    }

    /** 7,5 in Spanish, 7.5 in English: up to two decimals, as scores are kept; "" for none. */
    public String number(Number value) {
        return number(value, LocaleContextHolder.getLocale());
    }

    public static String number(Number value, Locale locale) {
        return value == null ? "" : decimals(value, locale, 0, 2);
    }

    private static String decimals(Number value, Locale locale, int min, int max) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(min);
        format.setMaximumFractionDigits(max);
        format.setGroupingUsed(false);
        return format.format(value);
    }

    /** A number kept as plain text ("7.5"), shown as {@link #number(Number)}; anything else as it is. */
    public String number(String plain) {
        if (plain == null || !plain.matches("-?\\d+(\\.\\d+)?")) {
            return plain == null ? "" : plain;
        }
        return number(new BigDecimal(plain));
    }

    /** "66,7 %" in Spanish, "66.7 %" in English, always one decimal; "—" when nothing counts. */
    public String percent(Number value) {
        return percent(value, LocaleContextHolder.getLocale());
    }

    public static String percent(Number value, Locale locale) {
        return value == null ? "—" : decimals(value, locale, 1, 1) + "\u00a0%";
    }

    public String dateTime(LocalDateTime dateTime) {
        return dateTime == null ? "" : DATE_TIME.format(dateTime);
    }
}
