package ar.aulas.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Issues and redeems single-use, expiring tokens. Redeeming is one atomic update. */
@Component
class OneTimeLinks {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    OneTimeLinks(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    String issue(OneTimeLink.Purpose purpose, String accountId, Duration validFor) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        mongo.insert(new OneTimeLink(hash(token), purpose, accountId, now, now.plus(validFor)));
        return token;
    }

    /** The link if it exists, is for this purpose, is unused and has not expired; nothing changes. */
    Optional<OneTimeLink> peek(String token, OneTimeLink.Purpose purpose) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findOne(usable(token, purpose), OneTimeLink.class));
    }

    /** Marks the link used and returns it, or empty if someone used it first or it is no longer valid. */
    Optional<OneTimeLink> redeem(String token, OneTimeLink.Purpose purpose) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findAndModify(usable(token, purpose),
                new Update().set("usedAt", clock.instant()), FindAndModifyOptions.options().returnNew(true),
                OneTimeLink.class));
    }

    private Query usable(String token, OneTimeLink.Purpose purpose) {
        return Query.query(Criteria.where("_id").is(hash(token)).and("purpose").is(purpose)
                .and("usedAt").is(null).and("expiresAt").gt(clock.instant()));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
