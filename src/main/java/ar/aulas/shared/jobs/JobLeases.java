package ar.aulas.shared.jobs;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Makes a scheduled job run on one instance at a time when several share a store: before running, an instance takes
 * the job's lease (one {@code findOneAndUpdate} on a document whose {@code lockUntil} has passed, or an insert when
 * there is none), renews it while the job runs, and at the end keeps it until {@code holdAtLeast} after it was taken,
 * so an instance whose clock or scheduler fires a little later does not run the same occurrence again.
 * Clocks of the instances must agree within a small fraction of {@code holdAtLeast}.
 */
@Component
public class JobLeases {

    private static final Logger log = LoggerFactory.getLogger(JobLeases.class);
    /** How long a lease lasts without renewal: an instance that dies frees its jobs after this. */
    static final Duration TERM = Duration.ofMinutes(2);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String instance;
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "job-lease-renewal");
        t.setDaemon(true);
        return t;
    });

    JobLeases(MongoTemplate mongo, Clock clock, InstanceName instance) {
        this.mongo = mongo;
        this.clock = clock;
        this.instance = instance.value();
    }

    @PreDestroy
    void stop() {
        renewals.shutdownNow();
    }

    /**
     * Runs {@code job} here when no other instance holds {@code name}; returns whether it ran. The lease is renewed
     * every third of its term while the job runs, and released (kept until {@code holdAtLeast} from now at the least)
     * when it ends, also when it throws.
     */
    public boolean runExclusively(String name, Duration holdAtLeast, Runnable job) {
        Instant takenAt = clock.instant();
        if (!take(name, takenAt)) {
            log.debug("Job {} is held by another instance", name);
            return false;
        }
        long every = TERM.toMillis() / 3;
        ScheduledFuture<?> renewal = renewals.scheduleAtFixedRate(() -> renew(name), every, every, TimeUnit.MILLISECONDS);
        try {
            job.run();
            return true;
        } finally {
            renewal.cancel(false);
            release(name, takenAt.plus(holdAtLeast));
        }
    }

    boolean take(String name, Instant now) {
        Query free = Query.query(Criteria.where("_id").is(name).and("lockUntil").lte(now));
        Update hold = new Update().set("owner", instance).set("lockedAt", now).set("lockUntil", now.plus(TERM))
                .inc("runs", 1);
        if (mongo.findAndModify(free, hold, FindAndModifyOptions.options().returnNew(true), JobLease.class) != null) {
            return true;
        }
        if (mongo.exists(Query.query(Criteria.where("_id").is(name)), JobLease.class)) {
            return false; // held by someone else
        }
        try {
            // the job's first run anywhere; of instances starting it together, the insert of one wins
            mongo.insert(new JobLease(name, instance, now, now.plus(TERM), 1));
            return true;
        } catch (DuplicateKeyException held) {
            return false;
        }
    }

    void renew(String name) {
        try {
            mongo.updateFirst(mine(name), new Update().set("lockUntil", clock.instant().plus(TERM)), JobLease.class);
        } catch (RuntimeException e) {
            log.warn("Could not renew the lease of job {}", name, e);
        }
    }

    void release(String name, Instant notBefore) {
        Instant now = clock.instant();
        mongo.updateFirst(mine(name), new Update().set("lockUntil", now.isAfter(notBefore) ? now : notBefore),
                JobLease.class);
    }

    private Query mine(String name) {
        return Query.query(Criteria.where("_id").is(name).and("owner").is(instance));
    }

    /** This instance's name, as leases record it. */
    public String instance() {
        return instance;
    }
}
