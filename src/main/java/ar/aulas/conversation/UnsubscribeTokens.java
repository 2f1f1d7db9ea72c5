package ar.aulas.conversation;

import com.mongodb.MongoWriteException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The one-click unsubscribe link of every debate mail: who and what (all the debates' mail, or one space or thread of
 * a course), signed with HMAC-SHA256. The key is made once and kept in the store, so every instance signs alike.
 */
@Component
class UnsubscribeTokens {

    /** What a link stops: {@code target} null = every debate mail of the person. */
    record Scope(String accountId, String courseCode, String target) {
    }

    private static final String KEYS = "conversation_keys";
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

    private final MongoTemplate mongo;
    private volatile byte[] key;

    UnsubscribeTokens(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    String sign(Scope scope) {
        String payload = scope.accountId() + "|" + nullToEmpty(scope.courseCode()) + "|" + nullToEmpty(scope.target());
        String data = ENCODE.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return data + "." + ENCODE.encodeToString(mac(data));
    }

    /** The scope of a genuine token; a forged or damaged one is none. */
    Optional<Scope> read(String token) {
        if (token == null || token.length() > 1000 || token.indexOf('.') < 0) {
            return Optional.empty();
        }
        String data = token.substring(0, token.indexOf('.'));
        // compared as text: a base64 ending whose unused low bits differ decodes to the same bytes, and is not ours
        String given = token.substring(token.indexOf('.') + 1);
        String expected = ENCODE.encodeToString(mac(data));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
        if (parts.length != 3 || parts[0].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Scope(parts[0], parts[1].isEmpty() ? null : parts[1], parts[2].isEmpty() ? null : parts[2]));
    }

    private byte[] mac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        if (key == null) {
            Document kept = mongo.getCollection(KEYS).find(new Document("_id", "unsubscribe")).first();
            if (kept == null) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    mongo.getCollection(KEYS).insertOne(new Document("_id", "unsubscribe")
                            .append("key", Base64.getEncoder().encodeToString(fresh)));
                } catch (MongoWriteException | DuplicateKeyException e) {
                    // another instance made it first: use theirs
                }
                kept = mongo.getCollection(KEYS).find(new Document("_id", "unsubscribe")).first();
            }
            key = Base64.getDecoder().decode(kept.getString("key"));
        }
        return key;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
