package ar.aulas.conversation;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * That a person's digest of a day was composed: {@code <account>|<day>}, inserted before the mail is sent, so a job
 * run twice (or on two instances) sends it once.
 */
@Document("digests_sent")
class DigestSent {

    @Id
    private String id;
    private Instant at;
    private int posts;

    protected DigestSent() {
    }

    DigestSent(String accountId, LocalDate day, Instant at, int posts) {
        this.id = accountId + "|" + day;
        this.at = at;
        this.posts = posts;
    }
}
