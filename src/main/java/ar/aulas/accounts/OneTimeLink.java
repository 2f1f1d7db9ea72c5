package ar.aulas.accounts;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A single-use link (password reset, invitation, first-admin setup). Only the SHA-256 of the
 * token is stored, so a copy of the database cannot be used to log in.
 */
@Document("one_time_links")
class OneTimeLink {

    enum Purpose { PASSWORD_RESET, INVITATION, SETUP }

    @Id
    String tokenHash;
    Purpose purpose;
    String accountId;
    Instant createdAt;
    Instant expiresAt;
    Instant usedAt;

    OneTimeLink() {
    }

    OneTimeLink(String tokenHash, Purpose purpose, String accountId, Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.purpose = purpose;
        this.accountId = accountId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }
}
