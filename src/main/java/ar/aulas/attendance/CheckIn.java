package ar.aulas.attendance;

import ar.aulas.accounts.AulasUser;
import ar.aulas.courses.Course;
import ar.aulas.courses.CourseRepository;
import ar.aulas.courses.Enrolment;
import ar.aulas.courses.Enrolments;
import ar.aulas.shared.Refusal;
import ar.aulas.shared.web.NotFoundException;
import ar.aulas.shared.web.PublicUrls;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Self check-in: a trainer opens a window (default 20 minutes) and projects a code and QR that change
 * every 30 seconds; a logged-in participant types or scans it and is marked Presente, or Tarde after
 * the grace period. A trainer's roll-call mark always wins over a check-in.
 */
@Service
public class CheckIn {

    public record Display(AttendanceSession session, String code, String qrSvg, String url, long secondsLeftInWindow) {
    }

    public record Result(AttendanceStatus status, AttendanceSession session) {
    }

    static final int MAX_ATTEMPTS = 10;
    static final Duration ATTEMPT_WINDOW = Duration.ofMinutes(10);

    private final RollCall rollCall;
    private final AttendanceSessionRepository sessions;
    private final AttendanceRecordRepository records;
    private final Enrolments enrolments;
    private final CourseRepository courses;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration window;
    private final Duration grace;
    private final PublicUrls urls;
    private final ApplicationEventPublisher events;
    private volatile CheckInCodes codes;


    CheckIn(RollCall rollCall, AttendanceSessionRepository sessions, AttendanceRecordRepository records,
            Enrolments enrolments, CourseRepository courses, MongoTemplate mongo, Clock clock,
            AttendanceProperties properties, PublicUrls urls,
            ApplicationEventPublisher events) {
        this.events = events;
        this.rollCall = rollCall;
        this.sessions = sessions;
        this.records = records;
        this.enrolments = enrolments;
        this.courses = courses;
        this.mongo = mongo;
        this.clock = clock;
        this.window = properties.checkInWindow();
        this.grace = properties.lateAfter();
        this.urls = urls;
    }

    public AttendanceSession open(AulasUser user, String code, int module) {
        return open(user, code, module, 1);
    }

    public AttendanceSession open(AulasUser user, String code, int module, int number) {
        AttendanceSession session = rollCall.session(user, code, module, number);
        rollCall.requireCome(session, courses.findById(code).orElseThrow(NotFoundException::new));
        session.openCheckIn(clock.instant().plus(window));
        AttendanceSession saved = sessions.save(session);
        return saved;
    }

    public Display display(AulasUser user, String code, int module) {
        return display(user, code, module, 1);
    }

    public Display display(AulasUser user, String code, int module, int number) {
        AttendanceSession session = rollCall.session(user, code, module, number);
        Instant now = clock.instant();
        if (!session.checkInOpen(now)) {
            return new Display(session, null, null, null, 0);
        }
        String current = codes().code(session.getId(), CheckInCodes.step(now));
        String url = urls.base() + "/check-in?c=" + current;
        return new Display(session, current, QrSvg.of(url, current), url,
                Duration.between(now, session.getCheckInUntil()).toSeconds());
    }

    /** Checks a participant in with a typed or scanned code. Every refusal has its own message key. */
    public Result checkIn(AulasUser user, String typed) {
        Instant now = clock.instant();
        countAttempt(user.id(), now);
        List<Enrolment> mine = enrolments.activeOf(user.id());
        List<AttendanceSession> open = mine.stream()
                .flatMap(e -> sessions.findByCourseCodeAndArchivedFalseOrderByModuleNumberAsc(e.getCourseCode()).stream())
                .filter(s -> s.checkInOpen(now)).toList();
        if (open.isEmpty()) {
            throw new Refusal("code", "checkIn.closed");
        }
        AttendanceSession session = open.stream().filter(s -> codes().valid(s.getId(), typed, now)).findFirst()
                .orElseThrow(() -> new Refusal("code", "checkIn.wrongCode"));
        Optional<AttendanceRecord> existing = records.findById(session.getId() + "|" + user.id());
        if (existing.isPresent() && existing.get().getStatus() != null) {
            throw new Refusal("code", existing.get().getSource() == AttendanceRecord.Source.CHECK_IN
                    ? "checkIn.already" : "checkIn.markedByTrainer");
        }
        Enrolment enrolment = mine.stream().filter(e -> e.getCourseCode().equals(session.getCourseCode())).findFirst()
                .orElseThrow();
        Course course = courses.findById(session.getCourseCode()).orElseThrow();
        Instant start = session.getDate().atTime(session.getStart()).atZone(ZoneId.of(course.getTimeZone())).toInstant();
        AttendanceStatus status = now.isAfter(start.plus(grace)) ? AttendanceStatus.LATE : AttendanceStatus.PRESENT;
        AttendanceRecord record = existing.orElseGet(() -> new AttendanceRecord(session.getId(), session.getCourseCode(),
                user.id(), enrolment.getInstitutionId()));
        record.mark(status, null, AttendanceRecord.Source.CHECK_IN, user.id(), now);
        try {
            records.save(record);
        } catch (OptimisticLockingFailureException | DuplicateKeyException e) {
            // the trainer marked this person at the same moment: their mark wins
            throw new Refusal("code", "checkIn.markedByTrainer");
        }
        // the first mark of a session makes it taken (everyone else absent); later ones leave the session alone
        boolean first = !session.isTaken() && sessions.markTaken(session.getId(), now) == 1;
        events.publishEvent(new AttendanceMarked(session.getCourseCode(), Set.of(user.id()), first));
        return new Result(status, session);
    }

    /** At most 10 check-in attempts per account in 10 minutes, counted in the store. */
    private void countAttempt(String accountId, Instant now) {
        String key = "checkin:" + accountId;
        Document doc = mongo.findAndModify(Query.query(Criteria.where("_id").is(key)),
                new Update().push("at", now), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, "check_in_attempts");
        @SuppressWarnings("unchecked")
        List<Date> attempts = doc == null ? List.of() : (List<Date>) doc.get("at");
        long recent = attempts.stream().filter(d -> d.toInstant().isAfter(now.minus(ATTEMPT_WINDOW))).count();
        if (attempts.size() > 50) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(key)),
                    new Update().set("at", attempts.subList(attempts.size() - MAX_ATTEMPTS, attempts.size())),
                    "check_in_attempts");
        }
        if (recent > MAX_ATTEMPTS) {
            throw new Refusal("code", "checkIn.tooMany");
        }
    }

    /** One secret for every instance, created once in the store (or set with aulas.attendance.check-in-secret). */
    private CheckInCodes codes() {
        if (codes == null) {
            synchronized (this) {
                if (codes == null) {
                    byte[] random = new byte[32];
                    new SecureRandom().nextBytes(random);
                    mongo.upsert(Query.query(Criteria.where("_id").is("check-in-secret")),
                            new Update().setOnInsert("value", Base64.getEncoder().encodeToString(random)), "settings");
                    Document stored = mongo.findById("check-in-secret", Document.class, "settings");
                    codes = new CheckInCodes(stored.getString("value").getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return codes;
    }
}
