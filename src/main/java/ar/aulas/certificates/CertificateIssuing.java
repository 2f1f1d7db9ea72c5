package ar.aulas.certificates;

import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.Role;
import ar.aulas.courses.Course;
import ar.aulas.courses.CourseAccess;
import ar.aulas.courses.CourseModule;
import ar.aulas.courses.CourseModuleRepository;
import ar.aulas.courses.CourseRepository;
import ar.aulas.shared.mail.Mailer;
import ar.aulas.shared.web.NotFoundException;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Issuing certificates: one, or every eligible participant of a course in a background job; revoking
 * and reissuing. Admins and programme coordinators issue; an institution's coordinator sees and
 * downloads only their institution's. One certificate per (course, participant, type), numbered
 * without gaps; a rerun after a crash completes the set.
 */
@Service
public class CertificateIssuing {

    private static final Logger log = LoggerFactory.getLogger(CertificateIssuing.class);
    private static final Locale SPANISH = Locale.forLanguageTag("es-AR");
    private static final int MIN_JUSTIFICATION = 15;

    public record Row(Standings.Participant participant, Map<CertificateType, Eligibility> eligibility,
            Map<CertificateType, Certificate> certificates) {
    }

    public record Overview(Course course, Map<CertificateType, CertificateRules> rules, List<Row> rows,
            Map<CertificateType, Integer> eligibleToIssue, Map<CertificateType, Integer> issued, List<IssueJob> jobs,
            List<TemplateError> templateErrors, boolean canIssue, Map<CertificateType, Integer> revoked) {
    }

    /** What a participant sees of one certificate type on the course home. */
    public record Mine(CertificateRules rules, Eligibility eligibility, Certificate certificate) {
    }

    private final CourseAccess access;
    private final CourseRepository courses;
    private final CourseModuleRepository modules;
    private final Standings standings;
    private final CertificateRepository certificates;
    private final CertificateAuditRepository audit;
    private final IssueJobRepository jobs;
    private final CertificateDocuments documents;
    private final CertificateTemplates templates;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final MessageSource messages;
    private final Mailer mailer;
    private final CertificateReissueRepository reissues;
    private final CertificateNumbers numbers;
    private final ar.aulas.accounts.AccountRegistry accounts;
    private final ExecutorService jobRunner = Executors.newCachedThreadPool(daemon("certificate-job"));
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("certificate-heartbeat"));
    private final ExecutorService workers;

    private final org.springframework.context.ApplicationEventPublisher events;

    CertificateIssuing(CourseAccess access, CourseRepository courses, CourseModuleRepository modules, Standings standings,
            CertificateRepository certificates, CertificateAuditRepository audit, IssueJobRepository jobs,
            CertificateDocuments documents, CertificateTemplates templates, MongoTemplate mongo, Clock clock,
            MessageSource messages, Mailer mailer, ar.aulas.accounts.AccountRegistry accounts, CertificateReissueRepository reissues,
            CertificateNumbers numbers, CertificatesProperties properties,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.access = access;
        this.courses = courses;
        this.modules = modules;
        this.standings = standings;
        this.certificates = certificates;
        this.audit = audit;
        this.jobs = jobs;
        this.documents = documents;
        this.templates = templates;
        this.mongo = mongo;
        this.clock = clock;
        this.messages = messages;
        this.mailer = mailer;
        this.accounts = accounts;
        this.reissues = reissues;
        this.numbers = numbers;
        this.workers = Executors.newFixedThreadPool(properties.getBulkThreads(), daemon("certificate-worker"));
    }

    @PreDestroy
    void stop() {
        jobRunner.shutdownNow();
        heartbeats.shutdownNow();
        workers.shutdownNow();
    }

    /** Admins and programme coordinators issue, revoke and reissue. */
    public boolean canIssue(AulasUser user) {
        return user.has(Role.ADMIN) || (user.has(Role.COORDINATOR) && user.coordinatedInstitutionId() == null);
    }

    private Course staffCourse(AulasUser user, String code) {
        if (!user.has(Role.ADMIN) && !user.has(Role.COORDINATOR)) {
            throw new NotFoundException();
        }
        return access.course(user, code);
    }

    private void requireIssuer(AulasUser user) {
        if (!canIssue(user)) {
            throw new NotFoundException();
        }
    }

    public Overview overview(AulasUser user, String code) {
        Course course = staffCourse(user, code);
        String only = user.seesAllInstitutions() ? null : user.coordinatedInstitutionId();
        Map<CertificateType, CertificateRules> rules = CertificateRules.of(course);
        Map<String, Map<CertificateType, Certificate>> held = current(code);
        List<Row> rows = new ArrayList<>();
        Map<CertificateType, Integer> toIssue = new EnumMap<>(CertificateType.class);
        Map<CertificateType, Integer> issued = new EnumMap<>(CertificateType.class);
        Map<CertificateType, Integer> revoked = new EnumMap<>(CertificateType.class);
        for (Standings.Participant p : standings.of(course, only).values()) {
            Map<CertificateType, Eligibility> eligibility = new EnumMap<>(CertificateType.class);
            Map<CertificateType, Certificate> mine = held.getOrDefault(p.account().getId(), Map.of());
            rules.forEach((type, rule) -> {
                Eligibility e = CertificateEligibility.of(p.standing(), rule);
                eligibility.put(type, e);
                if (mine.containsKey(type) && mine.get(type).getStatus() == Certificate.Status.REVOKED) {
                    revoked.merge(type, 1, Integer::sum);
                } else if (mine.containsKey(type)) {
                    issued.merge(type, 1, Integer::sum);
                } else if (e.eligible()) {
                    toIssue.merge(type, 1, Integer::sum);
                }
            });
            rows.add(new Row(p, eligibility, mine));
        }
        return new Overview(course, rules, rows, toIssue, issued, jobs.findTop5ByCourseCodeOrderByStartedAtDesc(code),
                templates.errors(), canIssue(user), revoked);
    }

    /** The person's current (or revoked) certificate of each type in the course, by account. */
    private Map<String, Map<CertificateType, Certificate>> current(String code) {
        Map<String, Map<CertificateType, Certificate>> held = new LinkedHashMap<>();
        for (Certificate c : certificates.findByCourseCodeOrderByTypeAscSequenceAsc(code)) {
            if (c.getStatus() == Certificate.Status.VALID || c.getStatus() == Certificate.Status.REVOKED) {
                held.computeIfAbsent(c.getAccountId(), k -> new EnumMap<>(CertificateType.class)).put(c.getType(), c);
            }
        }
        return held;
    }

    public List<Mine> mine(AulasUser user, Course course) {
        Standings.Computed p = standings.one(course, user.id()).orElse(null);
        if (p == null) {
            return List.of();
        }
        List<Mine> result = new ArrayList<>();
        Map<CertificateType, Certificate> held = new EnumMap<>(CertificateType.class);
        // by the unique slot of each type, in one query: no scan of the course's certificates
        List<String> slots = CertificateRules.of(course).keySet().stream()
                .map(type -> Certificate.slotOf(course.getCode(), user.id(), type)).toList();
        if (!slots.isEmpty()) {
            // a revoked certificate stays the person's: their page says it was revoked, never "Puede recibirlo"
            certificates.findBySlotIn(slots).stream().filter(c -> c.getStatus() == Certificate.Status.VALID
                    || c.getStatus() == Certificate.Status.REVOKED).forEach(c -> held.put(c.getType(), c));
        }
        CertificateRules.of(course).forEach((type, rule) ->
                result.add(new Mine(rule, CertificateEligibility.of(p.standing(), rule), held.get(type))));
        return result;
    }

    public Certificate issue(AulasUser user, String code, String accountId, CertificateType type, String justification,
            boolean notify) {
        requireIssuer(user);
        Course course = access.course(user, code);
        CertificateRules rule = ruleOf(course, type);
        Standings.Participant p = standings.participant(course, accountId).orElse(null);
        if (p == null) {
            throw new NotFoundException();
        }
        Optional<Certificate> existing = certificates.findBySlot(Certificate.slotOf(code, accountId, type));
        if (existing.isPresent() && existing.get().getStatus() != Certificate.Status.PENDING) {
            throw new CertificateRefused(null, "certificate.refused.alreadyIssued", p.account().getFullName(),
                    existing.get().getNumber());
        }
        Eligibility eligibility = CertificateEligibility.of(p.standing(), rule);
        String exception = null;
        if (!eligibility.eligible()) {
            String why = justification == null ? "" : justification.trim();
            if (why.isEmpty() || !user.has(Role.ADMIN)) {
                throw new CertificateRefused(null, user.has(Role.ADMIN) ? "certificate.refused.notEligibleAdmin"
                        : "certificate.refused.notEligible", p.account().getFullName(), reasons(eligibility));
            }
            if (why.length() < MIN_JUSTIFICATION) {
                throw new CertificateRefused("justification", "certificate.refused.justificationShort", MIN_JUSTIFICATION);
            }
            exception = why;
        }
        Certificate c = mint(course, p, rule, user, exception, titles(code));
        if (notify) {
            notifyHolder(c);
        }
        return c;
    }

    /** The category is public (with the date); the reason is for staff and the audit only. */
    public Certificate revoke(AulasUser user, String certificateId, RevocationCategory category, String reason) {
        requireIssuer(user);
        Certificate c = staffCertificate(user, certificateId);
        if (category == null) {
            throw new CertificateRefused("category", "certificate.refused.categoryRequired");
        }
        String why = reason == null ? "" : reason.trim();
        if (why.length() < 5) {
            throw new CertificateRefused("reason", "certificate.refused.reasonRequired");
        }
        if (c.getStatus() != Certificate.Status.VALID) {
            throw new CertificateRefused(null, "certificate.refused.notValid", c.getNumber());
        }
        c.revoke(user.id(), clock.instant(), category, why);
        Certificate saved = saveGuarded(c);
        record(saved, CertificateAudit.Action.REVOKED, user, why);
        return saved;
    }

    /** A new certificate with the person's current data (e.g. a corrected name); the old one points to it. */
    public Certificate reissue(AulasUser user, String certificateId, String justification) {
        requireIssuer(user);
        Certificate old = staffCertificate(user, certificateId);
        String why = justification == null ? "" : justification.trim();
        if (why.length() < 5) {
            throw new CertificateRefused("justification", "certificate.refused.reissueReason");
        }
        if (old.getStatus() != Certificate.Status.VALID) {
            throw new CertificateRefused(null, "certificate.refused.notValid", old.getNumber());
        }
        Course course = courses.findById(old.getCourseCode()).orElseThrow(NotFoundException::new);
        Standings.Participant p = standings.participant(course, old.getAccountId()).orElse(null);
        if (p == null) {
            throw new CertificateRefused(null, "certificate.refused.notEnrolled", old.getHolderName());
        }
        VerificationCode next = VerificationCode.random();
        reissues.save(new CertificateReissue(old.getSlot(), old.getId(), old.getCode(), next.value()));
        old.replaceBy(next, clock.instant());
        saveGuarded(old);
        record(old, CertificateAudit.Action.REISSUED, user, why);
        return mint(course, p, ruleOf(course, old.getType()), user, old.getExceptionJustification(), titles(course.getCode()));
    }

    private Certificate saveGuarded(Certificate c) {
        try {
            Certificate saved = certificates.save(c);
            events.publishEvent(CertificateChanged.of(saved));
            return saved;
        } catch (OptimisticLockingFailureException e) {
            throw new CertificateRefused(null, "certificate.refused.changedMeanwhile", c.getNumber());
        }
    }

    Certificate staffCertificate(AulasUser user, String certificateId) {
        Certificate c = certificates.findById(certificateId).orElseThrow(NotFoundException::new);
        staffCourse(user, c.getCourseCode());
        if (!user.seesAllInstitutions() && !java.util.Objects.equals(user.coordinatedInstitutionId(), c.getInstitutionId())) {
            throw new NotFoundException();
        }
        return c;
    }

    /** A certificate for its detail page: staff who may see its institution. */
    public Certificate certificate(AulasUser user, String certificateId) {
        return staffCertificate(user, certificateId);
    }

    /** Who did what: the issue itself (recorded on the certificate, so it is written with it), then the audit entries. */
    public List<CertificateAudit> history(AulasUser user, String certificateId) {
        Certificate c = staffCertificate(user, certificateId);
        List<CertificateAudit> history = new ArrayList<>();
        history.add(new CertificateAudit(c.getId(), c.getCourseCode(), c.byException()
                ? CertificateAudit.Action.ISSUED_BY_EXCEPTION : CertificateAudit.Action.ISSUED, c.getIssuedBy(),
                c.getIssuedByName(), c.getIssuedAt(), c.getExceptionJustification()));
        history.addAll(audit.findByCertificateIdOrderByAtAsc(certificateId));
        return history;
    }

    /** Starts issuing every eligible participant's certificate of a type in the background. */
    public IssueJob startBulk(AulasUser user, String code, CertificateType type, boolean notify) {
        requireIssuer(user);
        Course course = access.course(user, code);
        CertificateRules rule = ruleOf(course, type);
        int eligible = (int) standings.of(course, null).values().stream()
                .filter(p -> CertificateEligibility.of(p.standing(), rule).eligible()).count();
        IssueJob job = jobs.insert(new IssueJob(code, type, user.id(), notify, eligible, clock.instant(), documents.base()));
        jobRunner.execute(() -> runBulk(job.getId(), user, Integer.MAX_VALUE));
        return job;
    }

    public IssueJob job(AulasUser user, String code, String jobId) {
        staffCourse(user, code);
        return jobs.findById(jobId).filter(j -> j.getCourseCode().equals(code)).orElseThrow(NotFoundException::new);
    }

    /**
     * Runs a bulk job. {@code stopAfter} lets a test stop it like a crash would: no more certificates,
     * the job left running with its heartbeat stopped.
     */
    void runBulk(String jobId, AulasUser by, int stopAfter) {
        IssueJob job = jobs.findById(jobId).orElseThrow();
        String base = job.getBaseUrl() == null ? documents.base() : job.getBaseUrl();
        long beat = IssueJob.BEAT.toMillis();
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> mongo.updateFirst(
                Query.query(Criteria.where("_id").is(jobId).and("status").is(IssueJob.Status.RUNNING)),
                new Update().set("updatedAt", clock.instant()), IssueJob.class), beat, beat, TimeUnit.MILLISECONDS);
        try {
            Course course = courses.findById(job.getCourseCode()).orElseThrow();
            CertificateRules rule = ruleOf(course, job.getType());
            Map<Integer, String> titles = titles(course.getCode());
            List<Standings.Participant> todo = standings.of(course, null).values().stream()
                    .filter(p -> CertificateEligibility.of(p.standing(), rule).eligible()).toList();
            AtomicInteger started = new AtomicInteger();
            int[] last = {numbers.last(course.getCode(), rule.type())};
            JobProgress progress = new JobProgress(jobId);
            boolean crashed = false;
            List<Future<?>> futures = new ArrayList<>();
            // numbers are reserved here, one after another (no race inside a job); workers render, sign and store
            for (Standings.Participant p : todo) {
                if (started.incrementAndGet() > stopAfter) {
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
                    Reserved reserved = reserve(course, p, rule, by, null, titles, last);
                    futures.add(workers.submit(() -> {
                        try {
                            Certificate c = documents.complete(reserved.certificate(), titles, reserved.fresh(), base);
                            progress.add(progress.issued, null);
                            if (job.isNotify()) {
                                notifyHolder(c, base);
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
            mongo.updateFirst(Query.query(Criteria.where("_id").is(jobId)), new Update().set("status", IssueJob.Status.DONE)
                    .set("total", todo.size()).set("finishedAt", clock.instant()).set("updatedAt", clock.instant()),
                    IssueJob.class);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.error("Bulk certificate job {} failed", jobId, e);
            mongo.updateFirst(Query.query(Criteria.where("_id").is(jobId)), new Update().set("status", IssueJob.Status.FAILED)
                    .set("lastError", String.valueOf(e.getMessage())).set("finishedAt", clock.instant()), IssueJob.class);
        } finally {
            heartbeat.cancel(false);
        }
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
        private final java.util.concurrent.atomic.AtomicLong lastFlush = new java.util.concurrent.atomic.AtomicLong();
        private volatile String lastError;

        JobProgress(String jobId) {
            this.jobId = jobId;
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
            mongo.updateFirst(Query.query(Criteria.where("_id").is(jobId)), update, IssueJob.class);
        }
    }

    /** The person's certificate, made (or completed) now. */
    private Certificate mint(Course course, Standings.Participant p, CertificateRules rule, AulasUser by, String exception,
            Map<Integer, String> titles) {
        Reserved reserved = reserve(course, p, rule, by, exception, titles, null);
        return documents.complete(reserved.certificate(), titles, reserved.fresh(), documents.base());
    }

    /** A certificate whose number is taken; {@code fresh} when inserted by this call (no PDF can exist yet). */
    private record Reserved(Certificate certificate, boolean fresh) {
    }

    /**
     * The person's certificate of that type: the existing one, or a new pending one with the next number. The
     * number is the last one plus one, taken at insert: the unique indexes turn a race into a retry, and an
     * existing slot into "already issued".
     */
    private Reserved reserve(Course course, Standings.Participant p, CertificateRules rule, AulasUser by, String exception,
            Map<Integer, String> titles, int[] bulkLast) {
        String code = course.getCode();
        String accountId = p.account().getId();
        if (!documents.hasTemplate(rule.template())) {
            throw new CertificateRefused(null, "certificate.refused.template", rule.template());
        }
        String slot = Certificate.slotOf(code, accountId, rule.type());
        Optional<Certificate> existing = certificates.findBySlot(slot);
        if (existing.isPresent()) {
            return new Reserved(existing.get(), false);
        }
        Optional<CertificateReissue> replaced = reissues.findById(slot);
        int sequence = (bulkLast != null ? bulkLast[0] : numbers.last(code, rule.type())) + 1;
        for (int attempt = 0; attempt < 100; attempt++) {
            VerificationCode verification = replaced.map(r -> new VerificationCode(r.getCode()))
                    .orElseGet(VerificationCode::random);
            Certificate c = new Certificate(code, accountId, p.account().getInstitutionId(), rule.type(), sequence,
                    verification);
            c.describe(p.account().getFullName(), p.account().getDniFormatted(), p.institutionName(), course.getTitle(),
                    course.getEdition(), course.getTotalHours(), course.getStartDate(), course.getEndDate(),
                    typeTitle(rule), p.attendedModules(), titles.size(),
                    p.standing().attendancePercent() == null ? "0" : p.standing().attendancePercent().stripTrailingZeros()
                            .toPlainString(), rule.template(), clock.instant(), by.id(), by.fullName(), exception,
                    replaced.map(CertificateReissue::getReplacedId).orElse(null),
                    replaced.map(CertificateReissue::getReplacedCode).orElse(null));
            try {
                c = certificates.insert(c);
            } catch (DuplicateKeyException e) {
                Optional<Certificate> other = certificates.findBySlot(slot);
                if (other.isPresent()) {
                    return new Reserved(other.get(), false);
                }
                sequence = numbers.highest(code, rule.type()) + 1;
                continue;
            }
            if (bulkLast != null) {
                bulkLast[0] = sequence;
            } else {
                numbers.used(code, rule.type(), sequence);
            }
            if (replaced.isPresent()) {
                String newId = c.getId();
                certificates.findById(replaced.get().getReplacedId()).ifPresent(old -> {
                    old.linkReplacement(newId);
                    certificates.save(old);
                });
                reissues.deleteById(slot);
            }
            return new Reserved(c, true);
        }
        throw new IllegalStateException("No free certificate number for " + code + " after 100 attempts");
    }

    private CertificateRules ruleOf(Course course, CertificateType type) {
        CertificateRules rule = CertificateRules.of(course).get(type);
        if (rule == null) {
            throw new CertificateRefused(null, "certificate.refused.noSuchType");
        }
        return rule;
    }

    private String typeTitle(CertificateRules rule) {
        return rule.title() != null ? rule.title() : messages.getMessage(rule.type().key(), null, SPANISH);
    }

    private Map<Integer, String> titles(String code) {
        Map<Integer, String> titles = new LinkedHashMap<>();
        for (CourseModule m : modules.findByCourseCodeAndArchivedFalseOrderByNumberAsc(code)) {
            titles.put(m.getNumber(), m.getTitle());
        }
        return titles;
    }

    void record(Certificate c, CertificateAudit.Action action, AulasUser by, String detail) {
        audit.save(new CertificateAudit(c.getId(), c.getCourseCode(), action, by.id(), by.fullName(), clock.instant(), detail));
    }

    /** The reasons in the user's language, joined: "faltó al encuentro 3; ejercicio 2 requiere revisión". */
    public String reasons(Eligibility eligibility) {
        Locale locale = LocaleContextHolder.getLocale();
        return eligibility.reasons().stream().map(r -> messages.getMessage(r.key(), r.args(), locale))
                .collect(Collectors.joining("; "));
    }

    private void notifyHolder(Certificate c) {
        notifyHolder(c, documents.base());
    }

    private void notifyHolder(Certificate c, String base) {
        accountEmail(c).ifPresent(email -> mailer.send(email,
                messages.getMessage("certificate.mail.subject", new Object[] {c.getTypeTitle()}, SPANISH),
                messages.getMessage("certificate.mail.body", new Object[] {c.getHolderName(), c.getTypeTitle(),
                        c.getCourseTitle(), base + "/courses/" + c.getCourseCode(), documents.verificationUrl(c, base),
                        c.verificationCode().formatted()}, SPANISH)));
    }

    private Optional<String> accountEmail(Certificate c) {
        return accounts.find(c.getAccountId()).map(ar.aulas.accounts.Account::getEmail);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    Instant now() {
        return clock.instant();
    }
}
