package ar.aulas.accounts;

import java.util.regex.Pattern;

/**
 * The one rule for a person's name, on every path that sets one (the admin form, the first
 * administrator, the import): letters, spaces, apostrophes, hyphens and dots, starting with a letter,
 * so nothing printed on a certificate or written to a spreadsheet can be markup or a formula.
 */
public final class PersonName {

    public static final int MAX_LENGTH = 80;
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} .'’\\-]*");

    private PersonName() {
    }

    /** The message key of what is wrong with {@code value}, or null when it is a valid name. */
    public static String problem(String value) {
        String name = value == null ? "" : value.strip();
        if (name.isEmpty()) {
            return "account.fullName.required";
        }
        if (name.length() > MAX_LENGTH) {
            return "account.fullName.tooLong";
        }
        return NAME.matcher(name).matches() ? null : "account.fullName.chars";
    }
}
