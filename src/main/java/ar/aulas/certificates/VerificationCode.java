package ar.aulas.certificates;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The random code printed on a certificate and in its QR: 10 characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L), shown as {@code 7KQ4-M9XP-2D}: 31^10 ≈ 8·10^14 possibilities, never sequential.
 */
public record VerificationCode(String value) {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    public VerificationCode {
        if (value == null || value.length() != LENGTH || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("not a verification code");
        }
    }

    static VerificationCode random() {
        char[] chars = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            chars[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new VerificationCode(new String(chars));
    }

    /** What a person typed or scanned: any case, with or without dashes and spaces; empty when malformed. */
    public static Optional<VerificationCode> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String plain = input.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
        if (plain.length() != LENGTH || !plain.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(new VerificationCode(plain));
    }

    public String formatted() {
        return value.substring(0, 4) + "-" + value.substring(4, 8) + "-" + value.substring(8);
    }

    @Override
    public String toString() {
        return formatted();
    }
}
