package ar.aulas.attendance;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.AccountRegistry;
import ar.aulas.accounts.AulasUser;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
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

    private final CourseAccess access;
    private final AttendanceSessionRepository sessions;
    private final AttendanceRecordRepository records;
    private final Enrolments enrolments;
    private final AccountRegistry accounts;
    private final InstitutionDirectory institutions;
    private final Clock clock;

    RollCall(CourseAccess access, AttendanceSessionRepository sessions, AttendanceRecordRepository records,
            Enrolments enrolments, AccountRegistry accounts, InstitutionDirectory institutions, Clock clock) {
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
        Course course = access.course(user, code);
        if (!(user.has(Role.ADMIN) || course.hasTrainer(user.email()))) {
            throw new NotFoundException();
        }
        return sessions.findByCourseCodeAndModuleNumberAndArchivedFalse(code, module).stream().findFirst()
                .orElseThrow(NotFoundException::new);
    }

    public Roster roster(AulasUser user, String code, int module) {
        AttendanceSession session = session(user, code, module);
        Course course = access.course(user, code);
        Map<String, AttendanceRecord> marks = records.findBySessionId(session.getId()).stream()
                .collect(Collectors.toMap(AttendanceRecord::getAccountId, Function.identity()));
        List<Enrolment> enrolled = enrolments.ofCourse(code).stream().filter(Enrolment::isActive).toList();
        Map<String, Institution> byId = institutions.byId();
        Map<String, List<Line>> grouped = new LinkedHashMap<>();
        accounts.findAll(enrolled.stream().map(Enrolment::getAccountId).toList()).stream()
                .sorted(Comparator.comparing((Account a) -> byId.containsKey(a.getInstitutionId())
                        ? byId.get(a.getInstitutionId()).getName() : "").thenComparing(Account::getFullName))
                .forEach(a -> grouped.computeIfAbsent(byId.containsKey(a.getInstitutionId())
                        ? byId.get(a.getInstitutionId()).getName() : "", k -> new ArrayList<>())
                        .add(new Line(a, marks.get(a.getId()))));
        Map<AttendanceStatus, Long> counts = new java.util.EnumMap<>(AttendanceStatus.class);
        for (AttendanceStatus s : AttendanceStatus.values()) {
            counts.put(s, marks.values().stream().filter(r -> r.getStatus() == s).count());
        }
        return new Roster(course, session, grouped, counts, enrolled.size());
    }

    /** Saves the marks given (others are left as they are); returns how many changed. */
    public int save(AulasUser user, String code, int module, Map<String, AttendanceStatus> marks,
            Map<String, String> reasons) {
        AttendanceSession session = session(user, code, module);
        Map<String, Enrolment> enrolled = enrolments.ofCourse(code).stream().filter(Enrolment::isActive)
                .collect(Collectors.toMap(Enrolment::getAccountId, Function.identity()));
        for (String accountId : marks.keySet()) {
            if (!enrolled.containsKey(accountId)) {
                throw new Refusal(null, "attendance.notEnrolled");
            }
        }
        int changed = 0;
        for (var mark : marks.entrySet()) {
            if (mark.getValue() != null && write(session, enrolled.get(mark.getKey()), mark.getValue(),
                    reasons == null ? null : reasons.get(mark.getKey()), AttendanceRecord.Source.ROLL_CALL, user.id())) {
                changed++;
            }
        }
        session.taken(clock.instant());
        sessions.save(session);
        return changed;
    }

    /** "Todos presentes": marks everyone not yet marked as present; the trainer then adjusts. */
    public int allPresent(AulasUser user, String code, int module) {
        AttendanceSession session = session(user, code, module);
        Map<String, AttendanceRecord> marks = records.findBySessionId(session.getId()).stream()
                .collect(Collectors.toMap(AttendanceRecord::getAccountId, Function.identity()));
        Map<String, AttendanceStatus> unmarked = new LinkedHashMap<>();
        enrolments.ofCourse(code).stream().filter(Enrolment::isActive)
                .filter(e -> !marks.containsKey(e.getAccountId()) || marks.get(e.getAccountId()).getStatus() == null)
                .forEach(e -> unmarked.put(e.getAccountId(), AttendanceStatus.PRESENT));
        return save(user, code, module, unmarked, Map.of());
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
