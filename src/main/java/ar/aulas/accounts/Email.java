package ar.aulas.accounts;

import java.util.Locale;
import java.util.regex.Pattern;

/** An email address, compared and stored in lower case. */
public record Email(String value) {

    // Deliberately simple: one @, a dot in the domain, no spaces. Deliverability is proven by the invitation mail.
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

    public Email {
        if (value == null || value.length() > 254 || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("Malformed email address");
        }
    }

    public static Email parse(String typed) {
        return new Email(typed == null ? null : typed.trim().toLowerCase(Locale.ROOT));
    }

    public static boolean isValid(String typed) {
        try {
            parse(typed);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
