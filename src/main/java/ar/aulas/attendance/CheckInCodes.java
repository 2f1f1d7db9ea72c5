package ar.aulas.attendance;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The rotating check-in code: an HMAC of the session and the 30-second time step, written with an
 * alphabet without look-alike characters. Verifiable without storing codes; the previous step is
 * still accepted so a code read just before it changes works.
 */
public final class CheckInCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 6;
    static final long STEP_SECONDS = 30;

    private final byte[] secret;

    public CheckInCodes(byte[] secret) {
        this.secret = secret.clone();
    }

    public static long step(Instant at) {
        return at.getEpochSecond() / STEP_SECONDS;
    }

    public String code(String sessionId, long step) {
        byte[] mac = hmac(sessionId + ":" + step);
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt((mac[i] & 0xff) % ALPHABET.length()));
        }
        return code.toString();
    }

    /** Valid in the current step and the previous one; case and spaces do not matter. */
    public boolean valid(String sessionId, String typed, Instant now) {
        if (typed == null) {
            return false;
        }
        String clean = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        long step = step(now);
        return MessageDigest.isEqual(clean.getBytes(StandardCharsets.US_ASCII),
                code(sessionId, step).getBytes(StandardCharsets.US_ASCII))
                || MessageDigest.isEqual(clean.getBytes(StandardCharsets.US_ASCII),
                code(sessionId, step - 1).getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
