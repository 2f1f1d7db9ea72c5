package ar.aulas.accounts;

import java.util.regex.Pattern;

/** Argentine national identity number: 7 or 8 digits, stored without dots, shown as 12.345.678. */
public record Dni(String digits) {

    private static final Pattern DIGITS = Pattern.compile("\\d{7,8}");
    private static final Pattern TYPED = Pattern.compile("[0-9.\\s]+");

    public Dni {
        if (digits == null || !DIGITS.matcher(digits).matches()) {
            throw new IllegalArgumentException("A DNI has 7 or 8 digits");
        }
    }

    /** Accepts "12345678", "12.345.678" or "12 345 678". */
    public static Dni parse(String typed) {
        if (typed == null || !TYPED.matcher(typed.trim()).matches()) {
            throw new IllegalArgumentException("A DNI has 7 or 8 digits");
        }
        return new Dni(typed.replaceAll("[.\\s]", ""));
    }

    public static boolean looksLikeDni(String typed) {
        return typed != null && TYPED.matcher(typed.trim()).matches()
                && DIGITS.matcher(typed.replaceAll("[.\\s]", "")).matches();
    }

    /** 12.345.678 or 1.234.567 */
    public String formatted() {
        return format(digits);
    }

    /** Formats stored digits; returns the input unchanged when it is not a DNI (null stays null). */
    public static String format(String digits) {
        if (digits == null || !DIGITS.matcher(digits).matches()) {
            return digits;
        }
        StringBuilder out = new StringBuilder(digits);
        for (int i = out.length() - 3; i > 0; i -= 3) {
            out.insert(i, '.');
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return formatted();
    }
}
