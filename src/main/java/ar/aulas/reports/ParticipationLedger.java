package ar.aulas.reports;

import ar.aulas.attendance.AttendanceMarked;
import ar.aulas.attendance.AttendanceSession;
import ar.aulas.attendance.SessionScheduled;
import ar.aulas.certificates.Certificate;
import ar.aulas.certificates.CertificateChanged;
import ar.aulas.certificates.CertificateEligibility;
import ar.aulas.certificates.CertificateRepository;
import ar.aulas.certificates.CertificateRules;
import ar.aulas.certificates.CertificateType;
import ar.aulas.certificates.HeldCertificate;
import ar.aulas.certificates.Standing;
import ar.aulas.certificates.Standings;
import ar.aulas.courses.Course;
import ar.aulas.courses.CourseContentSynced;
import ar.aulas.courses.CourseRepository;
import ar.aulas.courses.Enrolment;
import ar.aulas.courses.EnrolmentChanged;
import ar.aulas.courses.Enrolments;
import ar.aulas.exercises.Exercise;
import ar.aulas.exercises.ExerciseChanged;
import ar.aulas.exercises.Submission;
import ar.aulas.exercises.SubmissionSaved;
import ar.aulas.imports.ParticipantsImported;
import ar.aulas.institutions.InstitutionDirectory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The participation figures kept per course and institution, so the dashboard reads a hundred small
 * documents instead of every record and submission of a course. Two documents per institution of a
 * course ({@code <course>|<institution>}): its people (each one's standing, eligibility and current
 * certificates) and its line (the counts of the programme view). Both are read by id only.
 *
 * <p>They follow what the owners publish ({@link AttendanceMarked}, {@link SubmissionSaved}, {@link EnrolmentChanged},
 * {@link CertificateChanged} and the changes that touch everyone): the people concerned are recomputed through the
 * owners' query methods on one background thread, so a roll call or a grade save is not slowed down; a
 * change that touches everyone (a session taken, the course's content) rebuilds the course with the same
 * aggregations the certificates use. The dashboard first waits for the changes already announced in this
 * process, so whoever just wrote sees their write. A course with announced changes is marked in the store
 * until they are applied, so after a crash it is rebuilt at start (the figures are derived, never the only
 * copy of anything); a course without figures is built on first read.
 *
 * <p>Line documents carry the revision of the people document they were computed from, and a line is only
 * replaced by one from a later revision, so two instances updating one institution at once keep the later.
 */
@Component
public class ParticipationLedger {

    static final String PEOPLE = "participation_people";
    static final String LINES = "participation_lines";
    static final String BUILT = "participation_courses";
    /** Bumped when what is kept changes: figures of an older format are rebuilt. */
    static final int FORMAT = 4;
    /** Beyond this many people at once (an import, a bulk issue), rebuilding the course is cheaper. */
    static final int REBUILD_ABOVE = 300;

    private static final Logger log = LoggerFactory.getLogger(ParticipationLedger.class);

    /** What every entry of a course is computed against. */
    private record Frame(Course course, List<AttendanceSession> sessions,
            List<Exercise> exercises, Map<CertificateType, CertificateRules> rules) {
    }

    private Frame frame(Course course) {
        return new Frame(course, standings.sessions(course), standings.exercises(course), CertificateRules.of(course));
    }

    /** What is waiting to be applied for one course. */
    private static final class Pending {
        boolean everyone;
        final Set<String> people = new HashSet<>();
        final Set<String> teams = new HashSet<>();
    }

    /** The states in which a certificate stays its holder's (a revoked one is counted as revoked). */
    private static final List<Certificate.Status> HELD = List.of(Certificate.Status.VALID, Certificate.Status.REVOKED);

    private final MongoTemplate mongo;
    private final Standings standings;
    private final CertificateRepository certificates;
    private final Enrolments enrolments;
    private final CourseRepository courses;
    private final InstitutionDirectory institutions;
    private final Clock clock;
    private final boolean rebuildOnStart;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "participation-ledger");
        t.setDaemon(true);
        return t;
    });
    /**
     * Guarded by this: per course, when its last apply ended and how long it took (nanoTime). Changes that arrive
     * while a course is being changed again and again (a bulk issue: one certificate after another) wait until
     * {@link #SPACING} times the last apply's duration has passed since it ended, and are applied together: an
     * institution's people document is rewritten once per batch instead of once per person.
     */
    private final Map<String, long[]> lastApplied = new HashMap<>();
    static final int SPACING = 4;
    private static final long MAX_WAIT_NANOS = 1_000_000_000L;
    /** Guarded by this: changes announced and not yet applied, and the courses being applied now. */
    private final Map<String, Pending> pending = new HashMap<>();
    private final Set<String> running = new HashSet<>();
    /** Courses marked in the store as having changes not yet applied (so a crash before they are is rebuilt at start). */
    private final Set<String> markedDirty = new HashSet<>();

    ParticipationLedger(MongoTemplate mongo, Standings standings, CourseRepository courses,
            InstitutionDirectory institutions, Clock clock, ReportsProperties properties,
            CertificateRepository certificates, Enrolments enrolments) {
        this.mongo = mongo;
        this.certificates = certificates;
        this.enrolments = enrolments;
        this.standings = standings;
        this.courses = courses;
        this.institutions = institutions;
        this.clock = clock;
        this.rebuildOnStart = properties.rebuildOnStart();
        // a rebuild removes the institutions nobody of the course is enrolled from any more
        mongo.indexOps(PEOPLE).createIndex(new Index()
                .on("courseCode", Sort.Direction.ASC).named("course"));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    @EventListener
    public void on(AttendanceMarked marked) {
        announce(marked.courseCode(), p -> {
            p.everyone |= marked.sessionTaken();
            p.people.addAll(marked.accountIds());
        });
    }

    @EventListener
    public void on(SessionScheduled scheduled) {
        announce(scheduled.courseCode(), p -> p.everyone = true);
    }

    @EventListener
    public void on(SubmissionSaved saved) {
        announce(saved.courseCode(), p -> {
            if (saved.team()) {
                p.teams.add(saved.institutionId());
            } else {
                p.people.add(saved.accountId());
            }
        });
    }

    @EventListener
    public void on(ExerciseChanged changed) {
        announce(changed.courseCode(), p -> p.everyone = true);
    }

    @EventListener
    public void on(EnrolmentChanged changed) {
        announce(changed.courseCode(), p -> p.people.add(changed.accountId()));
    }

    @EventListener
    public void on(ParticipantsImported imported) {
        imported.courseCodes().forEach(code -> announce(code, p -> p.everyone = true));
    }

    @EventListener
    public void on(CertificateChanged changed) {
        announce(changed.courseCode(), p -> p.people.add(changed.accountId()));
    }

    /** After the sessions and exercises have followed the course's files (they listen first). */
    @EventListener
    public void on(CourseContentSynced synced) {
        if (synced.changed()) {
            announce(synced.courseCode(), p -> p.everyone = true);
        }
    }

    /**
     * Courses whose figures may not follow what is stored: never built, of an older format, or with changes
     * announced and not applied when the process stopped (a crash). Everything with {@code rebuild-on-start}.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void onStart() {
        for (Course course : courses.findAll()) {
            Document built = mongo.getCollection(BUILT).find(new Document("_id", course.getCode())).first();
            if (rebuildOnStart || built == null || built.getInteger("format", 0) != FORMAT
                    || Boolean.TRUE.equals(built.getBoolean("dirty"))) {
                announce(course.getCode(), p -> p.everyone = true);
            }
        }
    }

    /** Rebuilds a course's figures from scratch (after data was written around the services, as the generator does). */
    public void rebuild(String courseCode) {
        announce(courseCode, p -> p.everyone = true);
    }

    private void announce(String courseCode, Consumer<Pending> change) {
        boolean schedule;
        synchronized (this) {
            if (markedDirty.add(courseCode)) {
                // before the write that announced it is answered: a crash from here on rebuilds the course at start
                mongo.getCollection(BUILT).updateOne(new Document("_id", courseCode),
                        new Document("$set", new Document("dirty", true)), new UpdateOptions().upsert(true));
            }
            schedule = !pending.containsKey(courseCode);
            change.accept(pending.computeIfAbsent(courseCode, k -> new Pending()));
        }
        if (schedule) {
            long delay = 0;
            synchronized (this) {
                long[] last = lastApplied.get(courseCode);
                if (last != null) {
                    delay = Math.min(MAX_WAIT_NANOS, last[1] * SPACING) - (System.nanoTime() - last[0]);
                }
            }
            worker.schedule(() -> apply(courseCode), Math.max(0, delay), TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Waits (up to {@code maxMillis}) until the changes announced in this process for the course are applied;
     * builds the course's figures first if it has none. Returns false on time-out: the figures may lag.
     */
    public boolean settle(String courseCode, long maxMillis) {
        if (mongo.getCollection(BUILT).find(new Document("_id", courseCode).append("format", FORMAT)).first() == null) {
            announce(courseCode, p -> p.everyone = true);
        }
        long until = System.currentTimeMillis() + maxMillis;
        synchronized (this) {
            while (pending.containsKey(courseCode) || running.contains(courseCode)) {
                long left = until - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    private void apply(String courseCode) {
        Pending work;
        synchronized (this) {
            work = pending.remove(courseCode);
            if (work == null) {
                return;
            }
            running.add(courseCode);
        }
        long started = System.nanoTime();
        try {
            Optional<Course> course = courses.findById(courseCode);
            if (course.isPresent()) {
                if (work.everyone || work.people.size() + work.teams.size() * 50 > REBUILD_ABOVE) {
                    build(course.get());
                } else {
                    Set<String> people = new HashSet<>(work.people);
                    for (String institutionId : work.teams) {
                        Document doc = mongo.getCollection(PEOPLE).find(new Document("_id", id(courseCode, institutionId)))
                                .projection(new Document("people", 1)).first();
                        if (doc != null && doc.get("people") instanceof Document members) {
                            people.addAll(members.keySet());
                        }
                    }
                    update(frame(course.get()), people);
                }
            }
        } catch (RuntimeException e) {
            if (worker.isShutdown()) {
                return; // stopping: rebuilt at the next start
            }
            log.error("Participation figures of {} could not be updated; they are rebuilt at the next change or start", courseCode, e);
            mongo.getCollection(BUILT).deleteOne(new Document("_id", courseCode));
        } finally {
            synchronized (this) {
                long ended = System.nanoTime();
                lastApplied.put(courseCode, new long[] {ended, ended - started});
                running.remove(courseCode);
                // under the same lock as announcing, so no change slips in between this mark and its removal
                if (!pending.containsKey(courseCode) && !worker.isShutdown()) {
                    mongo.getCollection(BUILT).updateOne(new Document("_id", courseCode),
                            new Document("$set", new Document("dirty", false)));
                    markedDirty.remove(courseCode);
                }
                notifyAll();
            }
        }
    }

    /**
     * These people: each one's entry in their institution's people (or its removal when no longer enrolled), then
     * the line; one write per institution, however many of its people changed (the people document holds the whole
     * institution: a bulk issue of 1,000 certificates in one institution rewrote it 1,000 times).
     */
    private void update(Frame frame, Set<String> people) {
        Course course = frame.course();
        String code = course.getCode();
        Map<String, Document> sets = new LinkedHashMap<>();
        Map<String, Document> unsets = new LinkedHashMap<>();
        for (String accountId : people) {
            Optional<Standings.Computed> computed = standings.one(course, accountId);
            // someone no longer enrolled is taken out of the institution their (inactive) enrolment names
            String institutionId = computed.isPresent() ? computed.get().institutionId()
                    : enrolments.find(code, accountId).map(Enrolment::getInstitutionId).orElse(null);
            if (institutionId == null) {
                continue;
            }
            if (computed.isPresent()) {
                sets.computeIfAbsent(institutionId, k -> new Document())
                        .append("people." + accountId, entry(frame, computed.get(), held(frame, accountId)));
            } else {
                unsets.computeIfAbsent(institutionId, k -> new Document()).append("people." + accountId, "");
            }
        }
        Set<String> touched = new LinkedHashSet<>(sets.keySet());
        touched.addAll(unsets.keySet());
        for (String institutionId : touched) {
            Document update = new Document("$inc", new Document("rev", 1L));
            Document set = sets.get(institutionId);
            if (set != null) {
                update.append("$set", set.append("courseCode", code).append("institutionId", institutionId));
            }
            if (unsets.containsKey(institutionId)) {
                update.append("$unset", unsets.get(institutionId));
            }
            Document doc = mongo.getCollection(PEOPLE).findOneAndUpdate(new Document("_id", id(code, institutionId)), update,
                    new FindOneAndUpdateOptions().upsert(set != null).returnDocument(ReturnDocument.AFTER));
            if (doc != null) {
                writeLine(course, institutionId, doc);
            }
        }
    }

    /** A course from scratch: every institution's people and line, and the marker that it is built. */
    private void build(Course course) {
        long started = System.nanoTime();
        String code = course.getCode();
        Frame frame = frame(course);
        Map<String, Held> held = new HashMap<>();
        certificates.findHeldByCourseCodeAndStatusIn(code, HELD)
                .forEach(c -> held.computeIfAbsent(c.accountId(), k -> new Held()).add(c));
        Map<String, Document> byInstitution = new LinkedHashMap<>();
        for (Standings.Computed c : standings.compute(course, null).values()) {
            byInstitution.computeIfAbsent(c.institutionId(), k -> new Document()).append(c.accountId(),
                    entry(frame, c, held.getOrDefault(c.accountId(), new Held())));
        }
        Set<String> kept = new HashSet<>();
        for (var e : byInstitution.entrySet()) {
            String id = id(code, e.getKey());
            kept.add(id);
            Document people = mongo.getCollection(PEOPLE).findOneAndUpdate(new Document("_id", id),
                    new Document("$set", new Document("people", e.getValue()).append("courseCode", code)
                            .append("institutionId", e.getKey())).append("$inc", new Document("rev", 1L)),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            writeLine(course, e.getKey(), people);
        }
        // institutions nobody is enrolled from any more
        for (Document stale : mongo.getCollection(PEOPLE).find(new Document("courseCode", code))
                .projection(new Document("_id", 1))) {
            if (!kept.contains(stale.getString("_id"))) {
                mongo.getCollection(PEOPLE).deleteOne(new Document("_id", stale.getString("_id")));
                mongo.getCollection(LINES).deleteOne(new Document("_id", stale.getString("_id")));
            }
        }
        mongo.getCollection(BUILT).updateOne(new Document("_id", code), new Document("$set", new Document("format", FORMAT)
                .append("builtAt", Date.from(clock.instant()))), new UpdateOptions().upsert(true));
        log.info("Participation figures of {} built: {} institutions in {} ms", code, byInstitution.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * A person's certificates of the course by type: the valid ones and the revoked ones (a revoked certificate
     * stays its holder's, counted as revoked and never as "can receive it", as on the certificates page).
     */
    private static final class Held {
        final Document valid = new Document();
        final Document revoked = new Document();

        void add(HeldCertificate certificate) {
            if (certificate.status() == Certificate.Status.VALID) {
                valid.append(certificate.type().name(), certificate.id());
            } else if (certificate.status() == Certificate.Status.REVOKED) {
                revoked.append(certificate.type().name(), certificate.id());
            }
        }

        boolean has(String type) {
            return valid.containsKey(type) || revoked.containsKey(type);
        }
    }

    /** The person's current certificates, by type. */
    private Held held(Frame frame, String accountId) {
        Held held = new Held();
        certificates.findHeldByCourseCodeAndAccountIdAndStatusIn(frame.course().getCode(), accountId, HELD).forEach(held::add);
        return held;
    }

    /** What the dashboard shows of one person, with the counts the line needs precomputed. */
    private Document entry(Frame frame, Standings.Computed c, Held held) {
        Standing standing = c.standing();
        // each session's share of the person's rate (AttendanceRate: the one definition the attendance report uses)
        Document sessions = new Document();
        var list = frame.sessions();
        for (int i = 0; i < list.size() && i < c.shares().size(); i++) {
            var share = c.shares().get(i);
            sessions.append(list.get(i).getId(), List.of(share.earned().toPlainString(), share.counted()));
        }
        List<String> eligible = new ArrayList<>();
        // those who may receive it and do not hold it yet (valid or revoked): the certificates page's count
        frame.rules().forEach((type, rule) -> {
            if (!held.has(type.name()) && CertificateEligibility.of(standing, rule).eligible()) {
                eligible.add(type.name());
            }
        });
        long[] individual = new long[2];
        long[] team = new long[2];
        var exercises = frame.exercises();
        for (int i = 0; i < exercises.size() && i < standing.exercises().size(); i++) {
            Standing.ExerciseMark mark = standing.exercises().get(i);
            long[] counts = exercises.get(i).isTeam() ? team : individual;
            if (mark.status() != null && mark.status() != Submission.Status.DRAFT) {
                counts[0]++;
                if (mark.status() == Submission.Status.GRADED && mark.verdict() == Submission.Verdict.APPROVED) {
                    counts[1]++;
                }
            }
        }
        Document standingDoc = new Document();
        mongo.getConverter().write(standing, standingDoc);
        standingDoc.remove("_class");
        return new Document("sessionShares", sessions).append("individualWork", List.of(individual[0], individual[1]))
                .append("teamWork", List.of(team[0], team[1])).append("eligible", eligible).append("issued", held.valid).append("revoked", held.revoked)
                .append("attended", c.attendedModules()).append("standing", standingDoc);
    }

    /** The institution's counts from its people, kept unless a line of a later revision is already there. */
    private void writeLine(Course course, String institutionId, Document people) {
        long rev = ((Number) people.get("rev")).longValue();
        Document everyone = people.get("people", Document.class);
        long enrolled = 0;
        Map<String, BigDecimal> earned = new LinkedHashMap<>();
        Map<String, Long> counted = new LinkedHashMap<>();
        long submitted = 0;
        long approved = 0;
        long[] team = null;
        Map<String, Long> eligible = new HashMap<>();
        Map<String, Long> issued = new HashMap<>();
        Map<String, Long> revoked = new HashMap<>();
        for (Object value : everyone == null ? List.of() : everyone.values()) {
            Document p = (Document) value;
            enrolled++;
            p.get("sessionShares", Document.class).forEach((session, share) -> {
                List<?> s = (List<?>) share;
                earned.merge(session, new BigDecimal(s.get(0).toString()), BigDecimal::add);
                counted.merge(session, ((Number) s.get(1)).longValue(), Long::sum);
            });
            List<?> ind = p.getList("individualWork", Object.class);
            submitted += ((Number) ind.get(0)).longValue();
            approved += ((Number) ind.get(1)).longValue();
            List<?> t = p.getList("teamWork", Object.class);
            // the institution's team work is the same for each member: counted once
            team = team == null ? new long[] {((Number) t.get(0)).longValue(), ((Number) t.get(1)).longValue()} : team;
            for (Object type : p.getList("eligible", Object.class)) {
                eligible.merge(type.toString(), 1L, Long::sum);
            }
            for (String type : p.get("issued", Document.class).keySet()) {
                issued.merge(type, 1L, Long::sum);
            }
            Document rv = p.get("revoked", Document.class);
            for (String type : rv == null ? Set.<String>of() : rv.keySet()) {
                revoked.merge(type, 1L, Long::sum);
            }
        }
        if (team != null) {
            submitted += team[0];
            approved += team[1];
        }
        Document att = new Document();
        earned.forEach((session, sum) -> att.append(session, List.of(sum.toPlainString(), counted.get(session))));
        String id = id(course.getCode(), institutionId);
        Document line = new Document("courseCode", course.getCode()).append("institutionId", institutionId).append("rev", rev)
                .append("enrolled", enrolled).append("attendance", att).append("submitted", submitted).append("approved", approved)
                .append("eligible", new Document(new HashMap<>(eligible))).append("issued", new Document(new HashMap<>(issued)))
                .append("revoked", new Document(new HashMap<>(revoked)));
        try {
            mongo.getCollection(LINES).updateOne(new Document("_id", id).append("rev", new Document("$lt", rev)),
                    new Document("$set", line), new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            // a line of a later revision is there already (its _id exists, so the upsert collided): keep it
        }
    }

    /** The lines of a course's institutions (only {@code onlyInstitution} when given), by institution id. */
    Map<String, Document> lines(String courseCode, String onlyInstitution) {
        List<String> ids = new ArrayList<>();
        if (onlyInstitution != null) {
            ids.add(id(courseCode, onlyInstitution));
        } else {
            institutions.all().forEach(i -> ids.add(id(courseCode, i.getId())));
        }
        Map<String, Document> result = new LinkedHashMap<>();
        mongo.getCollection(LINES).find(new Document("_id", new Document("$in", ids)))
                .forEach(d -> result.put(d.getString("institutionId"), d));
        return result;
    }

    /** One institution's people in a course, by account id. */
    Map<String, Document> people(String courseCode, String institutionId) {
        Document doc = mongo.getCollection(PEOPLE).find(new Document("_id", id(courseCode, institutionId))).first();
        Map<String, Document> result = new LinkedHashMap<>();
        if (doc != null && doc.get("people") instanceof Document people) {
            people.forEach((accountId, entry) -> result.put(accountId, (Document) entry));
        }
        return result;
    }

    Standing standing(Document entry) {
        return mongo.getConverter().read(Standing.class, entry.get("standing", Document.class));
    }

    static Map<CertificateType, Long> byType(Document counts) {
        Map<CertificateType, Long> result = new EnumMap<>(CertificateType.class);
        if (counts != null) {
            counts.forEach((type, n) -> result.put(CertificateType.valueOf(type), ((Number) n).longValue()));
        }
        return result;
    }

    private static String id(String courseCode, String institutionId) {
        return courseCode + "|" + institutionId;
    }
}
