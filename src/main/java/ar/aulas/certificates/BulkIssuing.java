package ar.aulas.certificates;

import ar.aulas.accounts.AccountRegistry;
import ar.aulas.accounts.AulasUser;
import ar.aulas.courses.Course;
import ar.aulas.courses.CourseRepository;
import ar.aulas.shared.jobs.JobLeases;
import ar.aulas.shared.web.NotFoundException;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Issuing every eligible participant's certificate of a type in a background job: numbers reserved one after another,
 * PDFs rendered and signed by a pool of workers, progress and a heartbeat in the job's document, so a job whose
 * instance died shows as interrupted, and another instance (or this one, started again) resumes it within seconds: a
 * rerun completes the set without a gap or a duplicate.
 */
@Service
public class BulkIssuing {

    private static final Logger log = LoggerFactory.getLogger(BulkIssuing.class);

    private final CertificateStaff staff;
    private final CertificateMinting minting;
    private final CourseRepository courses;
    private final Standings standings;
    private final CertificateRepository certificates;
    private final IssueJobRepository jobs;
    private final CertificateDocuments documents;
    private final CertificateNumbers numbers;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final JobLeases leases;
    private final AccountRegistry accounts;
    private final ExecutorService jobRunner = Executors.newCachedThreadPool(daemon("certificate-job"));
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("certificate-heartbeat"));
    private final ExecutorService workers;
    /** The jobs this instance is running now. */
    final Set<String> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    BulkIssuing(CertificateStaff staff, CertificateMinting minting, CourseRepository courses, Standings standings,
            CertificateRepository certificates, IssueJobRepository jobs, CertificateDocuments documents,
            CertificateNumbers numbers, MongoTemplate mongo, Clock clock, CertificatesProperties properties,
            JobLeases leases, AccountRegistry accounts) {
        this.leases = leases;
        this.accounts = accounts;
        this.staff = staff;
        this.minting = minting;
        this.courses = courses;
        this.standings = standings;
        this.certificates = certificates;
        this.jobs = jobs;
        this.documents = documents;
        this.numbers = numbers;
        this.mongo = mongo;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(properties.getBulkThreads(), daemon("certificate-worker"));
    }

    @PreDestroy
    void stop() {
        stopping = true;
        handOver();
        jobRunner.shutdownNow();
        heartbeats.shutdownNow();
        workers.shutdownNow();
    }

    /**
     * At a stop, the jobs this instance runs are marked as silent, so another instance resumes them at its next look
     * (within 5 s) instead of waiting for their heartbeat to age.
     */
    void handOver() {
        for (String jobId : running) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(jobId).and("status").is(IssueJob.Status.RUNNING)),
                    new Update().set("updatedAt", Instant.EPOCH), IssueJob.class);
            log.info("Bulk certificate job {} handed over to another instance", jobId);
        }
    }

    /** Starts issuing every eligible participant's certificate of a type in the background. */
    public IssueJob startBulk(AulasUser user, String code, CertificateType type, boolean notify) {
        staff.requireIssuer(user);
        Course course = staff.course(user, code);
        CertificateRules rule = minting.ruleOf(course, type);
        int eligible = (int) standings.of(course, null).values().stream()
                .filter(p -> CertificateEligibility.of(p.standing(), rule).eligible()).count();
        IssueJob job = jobs.insert(new IssueJob(code, type, user.id(), notify, eligible, clock.instant(), documents.base()));
        jobRunner.execute(() -> runBulk(job.getId(), user, Integer.MAX_VALUE));
        return job;
    }

    /** A job is taken over when its heartbeat has been silent this long (three beats: a loaded instance is still alive). */
    static final Duration SILENT = IssueJob.BEAT.multipliedBy(3);

    @Scheduled(fixedDelayString = "PT5S", initialDelayString = "PT20S")
    void resumeInterruptedByTheBeat() {
        leases.runExclusively("certificate-jobs-resume", Duration.ZERO, this::resumeInterrupted);
    }

    /**
     * Resumes the running jobs whose heartbeat stopped (their instance died): each is claimed with one update that
     * succeeds only while its heartbeat is the silent one, so one instance takes it; its counters start again.
     */
    int resumeInterrupted() {
        Instant now = clock.instant();
        int resumed = 0;
        for (IssueJob job : jobs.findByStatusAndUpdatedAtBefore(IssueJob.Status.RUNNING, now.minus(SILENT))) {
            Optional<AulasUser> by = accounts.actingAs(job.getRequestedBy());
            Query silent = Query.query(Criteria.where("_id").is(job.getId()).and("status").is(IssueJob.Status.RUNNING)
                    .and("updatedAt").is(job.getUpdatedAt()));
            if (running.contains(job.getId())) {
                continue; // this instance runs it: late, not dead
            }
            Update claim = by.isPresent()
                    ? new Update().set("updatedAt", now).inc("resumes", 1).set("issued", 0).set("skipped", 0)
                            .set("failed", 0).set("runner", "claimed by " + leases.instance())
                    : new Update().set("status", IssueJob.Status.FAILED).set("finishedAt", now)
                            .set("lastError", "the account that started it is no longer active");
            if (mongo.updateFirst(silent, claim, IssueJob.class).getModifiedCount() == 1 && by.isPresent()) {
                log.info("Resuming bulk certificate job {} of {}", job.getId(), job.getCourseCode());
                jobRunner.execute(() -> runBulk(job.getId(), by.get(), Integer.MAX_VALUE));
                resumed++;
            }
        }
        return resumed;
    }

    public IssueJob job(AulasUser user, String code, String jobId) {
        staff.course(user, code);
        return jobs.findById(jobId).filter(j -> j.getCourseCode().equals(code)).orElseThrow(NotFoundException::new);
    }

    /**
     * Runs a bulk job. {@code stopAfter} lets a test stop it like a crash would: no more certificates,
     * the job left running with its heartbeat stopped.
     */
    void runBulk(String jobId, AulasUser by, int stopAfter) {
        running.add(jobId);
        try {
            runBulkHere(jobId, by, stopAfter);
        } finally {
            running.remove(jobId);
        }
    }

    private void runBulkHere(String jobId, AulasUser by, int stopAfter) {
        IssueJob job = jobs.findById(jobId).orElseThrow();
        String base = job.getBaseUrl() == null ? documents.base() : job.getBaseUrl();
        long beat = IssueJob.BEAT.toMillis();
        // this run's token: the heartbeat beats only while the job is still this run's, so a run whose job another
        // instance took over (its heartbeat was late, not dead) stops at the next participant instead of going on
        String runner = UUID.randomUUID().toString();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(jobId).and("status").is(IssueJob.Status.RUNNING)),
                new Update().set("runner", runner).set("updatedAt", clock.instant()), IssueJob.class);
        AtomicBoolean lost = new AtomicBoolean();
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> {
            if (mongo.updateFirst(mine(jobId, runner), new Update().set("updatedAt", clock.instant()), IssueJob.class)
                    .getMatchedCount() == 0) {
                lost.set(true);
            }
        }, beat, beat, TimeUnit.MILLISECONDS);
        try {
            Course course = courses.findById(job.getCourseCode()).orElseThrow();
            CertificateRules rule = minting.ruleOf(course, job.getType());
            Map<Integer, String> titles = minting.titles(course.getCode());
            List<Standings.Participant> todo = standings.of(course, null).values().stream()
                    .filter(p -> CertificateEligibility.of(p.standing(), rule).eligible()).toList();
            AtomicInteger started = new AtomicInteger();
            int[] last = {numbers.last(course.getCode(), rule.type())};
            JobProgress progress = new JobProgress(jobId, runner);
            boolean crashed = false;
            List<Future<?>> futures = new ArrayList<>();
            // numbers are reserved here, one after another (no race inside a job); workers render, sign and store
            for (Standings.Participant p : todo) {
                if (started.incrementAndGet() > stopAfter || lost.get()) {
                    crashed = true;
                    break;
                }
                try {
                    Optional<Certificate> held = certificates.findBySlot(
                            Certificate.slotOf(course.getCode(), p.account().getId(), rule.type()));
                    if (held.isPresent() && held.get().getStatus() != Certificate.Status.PENDING) {
                        progress.add(progress.skipped, null);
                        continue;
                    }
                    CertificateMinting.Reserved reserved = minting.reserve(course, p, rule, by, null, titles, last);
                    futures.add(workers.submit(() -> {
                        try {
                            Certificate c = documents.complete(reserved.certificate(), titles, reserved.fresh(), base);
                            progress.add(progress.issued, null);
                            if (job.isNotify()) {
                                minting.notifyHolder(c, base);
                            }
                        } catch (RuntimeException e) {
                            log.warn("Certificate for {} failed", p.account().getId(), e);
                            progress.add(progress.failed, p.account().getFullName() + ": " + e.getMessage());
                        }
                    }));
                } catch (RuntimeException e) {
                    log.warn("Certificate for {} failed", p.account().getId(), e);
                    progress.add(progress.failed, p.account().getFullName() + ": " + e.getMessage());
                }
            }
            numbers.used(course.getCode(), rule.type(), last[0]);
            for (Future<?> f : futures) {
                f.get();
            }
            progress.flush();
            if (crashed) {
                return;
            }
            if (lost.get()) {
                return; // another instance carries on with it
            }
            mongo.updateFirst(mine(jobId, runner), new Update().set("status", IssueJob.Status.DONE)
                    .set("total", todo.size()).set("finishedAt", clock.instant()).set("updatedAt", clock.instant()),
                    IssueJob.class);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (stopping) {
                return; // interrupted by the stop: handed over, not failed
            }
            log.error("Bulk certificate job {} failed", jobId, e);
            mongo.updateFirst(mine(jobId, runner), new Update().set("status", IssueJob.Status.FAILED)
                    .set("lastError", String.valueOf(e.getMessage())).set("finishedAt", clock.instant()), IssueJob.class);
        } finally {
            heartbeat.cancel(false);
        }
    }

    /** The job while it is still this run's to do. */
    private static Query mine(String jobId, String runner) {
        return Query.query(Criteria.where("_id").is(jobId).and("status").is(IssueJob.Status.RUNNING).and("runner")
                .is(runner));
    }

    /**
     * A job's counters, written with one {@code $inc} at most every 250 ms (and at the end) rather than one
     * write per certificate: on the embedded store every write is a commit to disk.
     */
    private final class JobProgress {
        final AtomicInteger issued = new AtomicInteger();
        final AtomicInteger skipped = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        private final String jobId;
        private final String runner;
        private final AtomicLong lastFlush = new AtomicLong();
        private volatile String lastError;

        JobProgress(String jobId, String runner) {
            this.jobId = jobId;
            this.runner = runner;
        }

        void add(AtomicInteger counter, String error) {
            counter.incrementAndGet();
            if (error != null) {
                lastError = error;
            }
            long now = System.nanoTime();
            long previous = lastFlush.get();
            if (now - previous > 250_000_000L && lastFlush.compareAndSet(previous, now)) {
                flush();
            }
        }

        synchronized void flush() {
            Update update = new Update().inc("issued", issued.getAndSet(0)).inc("skipped", skipped.getAndSet(0))
                    .inc("failed", failed.getAndSet(0)).set("updatedAt", clock.instant());
            if (lastError != null) {
                update.set("lastError", lastError);
            }
            mongo.updateFirst(mine(jobId, runner), update, IssueJob.class);
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
