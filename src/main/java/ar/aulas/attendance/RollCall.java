package ar.aulas.attendance;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.AccountRegistry;
import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.PersonOrder;
import ar.aulas.accounts.Role;
import ar.aulas.courses.Course;
import ar.aulas.courses.CourseAccess;
import ar.aulas.courses.Enrolment;
import ar.aulas.courses.Enrolments;
import ar.aulas.institutions.Institution;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.shared.Refusal;
import ar.aulas.shared.web.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Taking attendance by roll call. Each person's mark is its own document, written with a guarded
 * single-document update and retried on a concurrent edit, so no mark is lost and every change
 * (who, when, old → new) stays in its history. Saving the same marks again changes nothing.
 */
@Service
public class RollCall {

    public record Line(Account person, AttendanceRecord record) {
    }

    public record Roster(Course course, AttendanceSession session, Map<String, List<Line>> byInstitution,
            Map<AttendanceStatus, Long> counts, int people) {
    }

    private static final int RETRIES = 5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final CourseAccess access;
    private final AttendanceSessionRepository sessions;
    private final AttendanceRecordRepository records;
    private final Enrolments enrolments;
    private final AccountRegistry accounts;
    private final InstitutionDirectory institutions;
    private final Clock clock;
    private final ApplicationEventPublisher events;


    RollCall(CourseAccess access, AttendanceSessionRepository sessions, AttendanceRecordRepository records,
            Enrolments enrolments, AccountRegistry accounts, InstitutionDirectory institutions, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.access = access;
        this.sessions = sessions;
        this.records = records;
        this.enrolments = enrolments;
        this.accounts = accounts;
        this.institutions = institutions;
        this.clock = clock;
    }

    /** The course's trainers and admins take attendance. */
    AttendanceSession session(AulasUser user, String code, int module) {
        return session(user, code, module, 1);
    }

    AttendanceSession session(AulasUser user, String code, int module, int number) {
        Course course = access.course(user, code);
        if (!(user.has(Role.ADMIN) || course.hasTrainer(user.email()))) {
            throw new NotFoundException();
        }
        return sessions.findById(code + "/" + module + "/" + number).filter(s -> !s.isArchived())
                .orElseThrow(NotFoundException::new);
    }

    /** The sessions of a module, for a trainer. */
    public List<AttendanceSession> sessionsOf(AulasUser user, String code, int module) {
        session(user, code, module);
        return sessions.findByCourseCodeAndModuleNumberAndArchivedFalse(code, module).stream()
                .sorted(Comparator.comparingInt(AttendanceSession::getNumber)).toList();
    }

    /** A trainer adds a session to an encounter, or edits one; the files no longer move it. */
    public AttendanceSession schedule(AulasUser user, String code, int module, Integer number, LocalDate date,
            LocalTime start, LocalTime end, String venue) {
        AttendanceSession first = session(user, code, module);
        if (date == null || start == null || end == null || !end.isAfter(start)) {
            throw new Refusal(null, "attendance.session.invalid");
        }
        if (venue == null || venue.isBlank() || venue.length() > 200) {
            throw new Refusal(null, "attendance.session.venue");
        }
        AttendanceSession session;
        if (number == null) {
            int next = sessions.findByCourseCodeAndModuleNumberAndArchivedFalse(code, module).stream()
                    .mapToInt(AttendanceSession::getNumber).max().orElse(0) + 1;
            session = new AttendanceSession(first.getCourseCode(), module, next);
        } else {
            session = session(user, code, module, number);
        }
        session.schedule(date, start, end, venue.strip());
        session.editedInUi();
        AttendanceSession saved = sessions.save(session);
        events.publishEvent(new SessionScheduled(saved.getCourseCode(), saved.getId()));
        return saved;
    }

    public Roster roster(AulasUser user, String code, int module) {
        return roster(user, code, module, 1);
    }

    public Roster roster(AulasUser user, String code, int module, int number) {
        AttendanceSession session = session(user, code, module, number);
        Course course = access.course(user, code);
        Map<String, AttendanceRecord> marks = records.findBySessionId(session.getId()).stream()
                .collect(Collectors.toMap(AttendanceRecord::getAccountId, Function.identity()));
        List<Enrolment> enrolled = enrolments.ofCourse(code).stream().filter(Enrolment::isActive).toList();
        Map<String, Institution> byId = institutions.byId();
        Map<String, List<Line>> grouped = new LinkedHashMap<>();
        accounts.findAll(enrolled.stream().map(Enrolment::getAccountId).toList()).stream()
                .sorted(Comparator.comparing((Account a) -> byId.containsKey(a.getInstitutionId())
                        ? byId.get(a.getInstitutionId()).getName() : "", PersonOrder.TEXT)
                        .thenComparing(PersonOrder.ACCOUNTS))
                .forEach(a -> grouped.computeIfAbsent(byId.containsKey(a.getInstitutionId())
                        ? byId.get(a.getInstitutionId()).getName() : "", k -> new ArrayList<>())
                        .add(new Line(a, marks.get(a.getId()))));
        Map<AttendanceStatus, Long> counts = new EnumMap<>(AttendanceStatus.class);
        for (AttendanceStatus s : AttendanceStatus.values()) {
            counts.put(s, marks.values().stream().filter(r -> r.getStatus() == s).count());
        }
        return new Roster(course, session, grouped, counts, enrolled.size());
    }

    /** Saves the marks given (others are left as they are); returns how many changed. */
    public int save(AulasUser user, String code, int module, Map<String, AttendanceStatus> marks,
            Map<String, String> reasons) {
        return save(user, code, module, 1, marks, reasons);
    }

    public int save(AulasUser user, String code, int module, int number, Map<String, AttendanceStatus> marks,
            Map<String, String> reasons) {
        AttendanceSession session = session(user, code, module, number);
        requireCome(session, access.course(user, code));
        Map<String, Enrolment> enrolled = enrolments.ofCourse(code).stream().filter(Enrolment::isActive)
                .collect(Collectors.toMap(Enrolment::getAccountId, Function.identity()));
        for (String accountId : marks.keySet()) {
            if (!enrolled.containsKey(accountId)) {
                throw new Refusal(null, "attendance.notEnrolled");
            }
        }
        Set<String> changed = new HashSet<>();
        for (var mark : marks.entrySet()) {
            if (mark.getValue() != null && write(session, enrolled.get(mark.getKey()), mark.getValue(),
                    reasons == null ? null : reasons.get(mark.getKey()), AttendanceRecord.Source.ROLL_CALL, user.id())) {
                changed.add(mark.getKey());
            }
        }
        boolean first = !session.isTaken() && sessions.markTaken(session.getId(), clock.instant()) == 1;
        // the first roll call of a session makes everyone without a mark absent
        events.publishEvent(new AttendanceMarked(code, changed, first));
        return changed.size();
    }

    /**
     * Attendance is taken on the session's day or after it, never before (in the course's time zone):
     * to take it early, a trainer moves the session's date first.
     */
    void requireCome(AttendanceSession session, Course course) {
        if (!session.hasCome(access.today(course))) {
            throw new Refusal(null, "attendance.notYet", session.getModuleNumber(), DAY.format(session.getDate()));
        }
    }

    /** Whether the session's day has come, for the page to say so before anyone tries. */
    public boolean hasCome(AulasUser user, String code, AttendanceSession session) {
        return session.hasCome(access.today(access.course(user, code)));
    }

    /** How many "Todos presentes" would mark: the enrolled people with no mark yet. */
    public long unmarked(AulasUser user, String code, int module, int number) {
        return unmarkedIds(session(user, code, module, number), code).size();
    }

    private List<String> unmarkedIds(AttendanceSession session, String code) {
        Map<String, AttendanceRecord> marks = records.findBySessionId(session.getId()).stream()
                .collect(Collectors.toMap(AttendanceRecord::getAccountId, Function.identity()));
        return enrolments.ofCourse(code).stream().filter(Enrolment::isActive)
                .filter(e -> !marks.containsKey(e.getAccountId()) || marks.get(e.getAccountId()).getStatus() == null)
                .map(Enrolment::getAccountId).toList();
    }

    /** "Todos presentes": marks everyone not yet marked as present; the trainer then adjusts. */
    public int allPresent(AulasUser user, String code, int module) {
        return allPresent(user, code, module, 1);
    }

    public int allPresent(AulasUser user, String code, int module, int number) {
        AttendanceSession session = session(user, code, module, number);
        Map<String, AttendanceStatus> unmarked = new LinkedHashMap<>();
        unmarkedIds(session, code).forEach(id -> unmarked.put(id, AttendanceStatus.PRESENT));
        return save(user, code, module, number, unmarked, Map.of());
    }

    private boolean write(AttendanceSession session, Enrolment enrolment, AttendanceStatus status, String reason,
            AttendanceRecord.Source source, String by) {
        String id = session.getId() + "|" + enrolment.getAccountId();
        for (int attempt = 0; attempt < RETRIES; attempt++) {
            AttendanceRecord record = records.findById(id).orElseGet(() -> new AttendanceRecord(session.getId(),
                    session.getCourseCode(), enrolment.getAccountId(), enrolment.getInstitutionId()));
            if (!record.mark(status, reason, source, by, clock.instant())) {
                return false;
            }
            try {
                records.save(record);
                return true;
            } catch (OptimisticLockingFailureException | DuplicateKeyException e) {
                // someone marked this person at the same moment: reload and apply on top (kept in history)
            }
        }
        throw new Refusal(null, "attendance.busy");
    }
}
