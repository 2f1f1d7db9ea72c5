package ar.aulas.certificates;

import ar.aulas.shared.jobs.JobLeases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The public verification page's and API's limit per address, shared by every instance: a counter in the store per
 * address and minute. A request is let through while the address's requests in the last 60 s, estimated from this
 * minute's count and the share of the previous minute's still inside the window, are at most the configured number.
 * Refused requests count too, so a flood stays refused until it slows down. Times follow the application's clock.
 */
@Component
public class VerificationRateLimit {

    /** One address's requests in one minute. */
    @Document("verification_counts")
    record Count(@Id String id, int count, @Indexed Instant minute) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final JobLeases leases;
    private final int perMinute;

    VerificationRateLimit(MongoTemplate mongo, Clock clock, JobLeases leases, CertificatesProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.leases = leases;
        this.perMinute = properties.getVerificationsPerMinute();
    }

    public boolean allow(String ip) {
        long millis = clock.millis();
        long minute = Math.floorDiv(millis, 60_000L);
        int current = increment(ip + "@" + minute, Instant.ofEpochMilli(minute * 60_000L));
        Count previous = mongo.findById(ip + "@" + (minute - 1), Count.class);
        double stillInWindow = 1.0 - Math.floorMod(millis, 60_000L) / 60_000.0;
        double estimate = current + (previous == null ? 0 : previous.count() * stillInWindow);
        return estimate <= perMinute;
    }

    private int increment(String id, Instant minute) {
        Query query = Query.query(Criteria.where("_id").is(id));
        Update update = new Update().inc("count", 1).setOnInsert("minute", minute);
        FindAndModifyOptions options = FindAndModifyOptions.options().upsert(true).returnNew(true);
        try {
            return mongo.findAndModify(query, update, options, Count.class).count();
        } catch (DuplicateKeyException createdMeanwhile) {
            // two first requests of a minute at once: the other one's insert won, so this one increments it
            return mongo.findAndModify(query, update, options, Count.class).count();
        }
    }

    /** Counters older than the window are dropped (the store has no TTL indexes), by one instance. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
    void forgetOldMinutes() {
        leases.runExclusively("verification-counts-clean-up", Duration.ofMinutes(5), () -> mongo.remove(
                Query.query(Criteria.where("minute").lt(clock.instant().minus(Duration.ofMinutes(2)))), Count.class));
    }
}
