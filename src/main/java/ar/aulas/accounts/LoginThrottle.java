package ar.aulas.accounts;

import ar.aulas.shared.jobs.JobLeases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refuses logins for a while after too many failures for one login name or from one IP address.
 * Counted in the store (one document per key, single-document updates), so every instance agrees.
 * Counted per account, whether its email or its DNI was typed; what matches no account is counted by
 * what was typed, so an unknown account and a wrong password behave the same.
 */
@Component
public class LoginThrottle {

    @Document("login_failures")
    static class Failures {
        @Id
        String key;
        List<Instant> failures;
        Instant blockedUntil;
        Instant lastFailureAt;
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final AccountsProperties properties;

    private final AccountUserDetailsService logins;
    private final JobLeases leases;

    LoginThrottle(MongoTemplate mongo, Clock clock, AccountsProperties properties, AccountUserDetailsService logins,
            JobLeases leases) {
        this.leases = leases;
        this.logins = logins;
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
    }

    public boolean isBlocked(String login, String ip) {
        Instant now = clock.instant();
        Query query = Query.query(Criteria.where("_id").in(loginKey(login), ipKey(ip)).and("blockedUntil").gt(now));
        return mongo.exists(query, Failures.class);
    }

    public void recordFailure(String login, String ip) {
        record(loginKey(login), properties.loginMaxFailuresPerAccount());
        record(ipKey(ip), properties.loginMaxFailuresPerIp());
    }

    /** A successful login clears the failures of that login name (not of the IP). */
    public void recordSuccess(String login) {
        mongo.remove(Query.query(Criteria.where("_id").is(loginKey(login))), Failures.class);
    }

    private void record(String key, int limit) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(properties.loginWindow());
        Failures updated = mongo.findAndModify(Query.query(Criteria.where("_id").is(key)),
                new Update().push("failures").slice(-limit).each(now).set("lastFailureAt", now),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Failures.class);
        long recent = updated == null || updated.failures == null ? 1
                : updated.failures.stream().filter(t -> t.isAfter(windowStart)).count();
        if (recent >= limit) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(key)),
                    new Update().set("blockedUntil", now.plus(properties.lockout())).set("failures", List.of()),
                    Failures.class);
        }
    }

    /** Drops counters with no recent failure and no running block (the store has no TTL indexes). */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    void forgetOldFailures() {
        leases.runExclusively("login-throttle-clean-up", Duration.ofMinutes(5), this::forget);
    }

    private void forget() {
        Instant now = clock.instant();
        mongo.remove(Query.query(new Criteria().andOperator(
                Criteria.where("lastFailureAt").lt(now.minus(properties.loginWindow())),
                new Criteria().orOperator(Criteria.where("blockedUntil").is(null),
                        Criteria.where("blockedUntil").lt(now)))), Failures.class);
    }

    String loginKey(String login) {
        return logins.lookup(login).map(account -> "account:" + account.getId()).orElseGet(() -> typedKey(login));
    }

    static String typedKey(String login) {
        String typed = login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
        if (Dni.looksLikeDni(typed)) {
            typed = Dni.parse(typed).digits();
        }
        return "login:" + typed;
    }

    static String ipKey(String ip) {
        return "ip:" + (ip == null ? "" : ip);
    }
}
