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
import ar.aulas.shared.web.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Attendance of a course for trainers and coordinators: per session (counts per status), per
 * participant across the course (with rate and risk), and per institution (rate per encounter).
 * An institution's coordinator sees only their institution.
 */
@Service
public class AttendanceReport {

    public enum Risk { OK, AT_RISK, NOT_POSSIBLE }

    public record Person(Account account, String institutionName, List<AttendanceStatus> statuses,
            AttendanceRate rate, BigDecimal bestPossible, Risk risk, LocalDate enrolledOn,
            List<AttendanceRate.Share> shares) {
    }

    public record InstitutionLine(String name, List<BigDecimal> ratePerSession, BigDecimal overall) {
    }

    public record Report(Course course, List<AttendanceSession> sessions, List<Person> people,
            List<Map<AttendanceStatus, Long>> countsPerSession, List<InstitutionLine> institutions,
            BigDecimal threshold) {
    }

    private final CourseAccess access;
    private final AttendanceSessionRepository sessions;
    private final AttendanceRecordRepository records;
    private final Enrolments enrolments;
    private final AccountRegistry accounts;
    private final InstitutionDirectory institutions;

    AttendanceReport(CourseAccess access, AttendanceSessionRepository sessions, AttendanceRecordRepository records,
            Enrolments enrolments, AccountRegistry accounts, InstitutionDirectory institutions) {
        this.access = access;
        this.sessions = sessions;
        this.records = records;
        this.enrolments = enrolments;
        this.accounts = accounts;
        this.institutions = institutions;
    }

    public Report report(AulasUser user, String code) {
        Course course = access.course(user, code);
        boolean trainer = user.has(Role.ADMIN) || course.hasTrainer(user.email());
        if (!trainer && !user.has(Role.COORDINATOR)) {
            throw new NotFoundException();
        }
        return compute(course, trainer ? null : user.coordinatedInstitutionId());
    }

    /**
     * The report of a course for everyone enrolled (or one institution's people), with no access check:
     * for features that evaluate people themselves, such as certificate eligibility.
     */
    public Report compute(Course course, String only) {
        String code = course.getCode();
        BigDecimal threshold = threshold(course);
        List<AttendanceSession> list = sessions.findByCourseCodeAndArchivedFalseOrderByModuleNumberAsc(code);
        Map<String, AttendanceRecord> marks = new HashMap<>();
        for (AttendanceSession s : list) {
            records.findBySessionId(s.getId()).forEach(r -> marks.put(s.getId() + "|" + r.getAccountId(), r));
        }
        List<Enrolment> enrolled = enrolments.ofCourse(code).stream().filter(Enrolment::isActive)
                .filter(e -> only == null || only.equals(e.getInstitutionId())).toList();
        Map<String, Enrolment> byAccount = enrolled.stream()
                .collect(Collectors.toMap(Enrolment::getAccountId, Function.identity()));
        Map<String, Institution> byId = institutions.byId();
        ZoneId zone = ZoneId.of(course.getTimeZone());
        List<Person> people = new ArrayList<>();
        for (Account a : accounts.findAll(enrolled.stream().map(Enrolment::getAccountId).toList())) {
            List<AttendanceStatus> statuses = new ArrayList<>();
            List<AttendanceRate.SessionMark> sessionMarks = new ArrayList<>();
            for (AttendanceSession s : list) {
                AttendanceRecord r = marks.get(s.getId() + "|" + a.getId());
                AttendanceStatus status = r == null ? null : r.getStatus();
                statuses.add(s.isTaken() && status == null ? AttendanceStatus.ABSENT : status);
                sessionMarks.add(new AttendanceRate.SessionMark(s.getId(), s.getDate(), s.isTaken(), status));
            }
            var enrolledOn = byAccount.get(a.getId()).getEnrolledAt().atZone(zone).toLocalDate();
            AttendanceRate rate = AttendanceRate.of(sessionMarks, enrolledOn, Weights.of(course));
            List<AttendanceRate.Share> shares = AttendanceRate.shares(sessionMarks, enrolledOn, Weights.of(course));
            long remaining = list.stream().filter(s -> !s.isTaken()).count();
            BigDecimal best = rate.counted() + remaining == 0 ? null
                    : rate.earned().add(BigDecimal.valueOf(remaining)).multiply(BigDecimal.valueOf(100))
                            .divide(BigDecimal.valueOf(rate.counted() + remaining), 1, RoundingMode.HALF_UP);
            Risk risk = best != null && best.compareTo(threshold) < 0 ? Risk.NOT_POSSIBLE
                    : rate.percent() != null && rate.percent().compareTo(threshold) < 0 ? Risk.AT_RISK : Risk.OK;
            Institution institution = byId.get(a.getInstitutionId());
            people.add(new Person(a, institution == null ? "" : institution.getName(), statuses, rate, best, risk, enrolledOn,
                    shares));
        }
        people.sort(Comparator.comparing(Person::institutionName, PersonOrder.TEXT)
                .thenComparing(Person::account, PersonOrder.ACCOUNTS));
        List<Map<AttendanceStatus, Long>> counts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Map<AttendanceStatus, Long> c = new EnumMap<>(AttendanceStatus.class);
            for (AttendanceStatus st : AttendanceStatus.values()) {
                int index = i;
                c.put(st, people.stream().filter(p -> p.statuses().get(index) == st).count());
            }
            counts.add(c);
        }
        return new Report(course, list, people, counts, byInstitution(people, list), threshold);
    }

    private static List<InstitutionLine> byInstitution(List<Person> people, List<AttendanceSession> list) {
        Map<String, List<Person>> grouped = people.stream()
                .collect(Collectors.groupingBy(Person::institutionName, LinkedHashMap::new, Collectors.toList()));
        List<InstitutionLine> lines = new ArrayList<>();
        grouped.forEach((name, members) -> {
            List<BigDecimal> perSession = new ArrayList<>();
            // the members' shares summed (AttendanceRate), as the participation dashboard does
            for (int i = 0; i < list.size(); i++) {
                int index = i;
                BigDecimal earned = members.stream().map(p -> p.shares().get(index).earned()).reduce(BigDecimal.ZERO, BigDecimal::add);
                long counted = members.stream().mapToLong(p -> p.shares().get(index).counted()).sum();
                perSession.add(AttendanceRate.percent(earned, counted));
            }
            BigDecimal earned = members.stream().map(p -> p.rate().earned()).reduce(BigDecimal.ZERO, BigDecimal::add);
            int counted = members.stream().mapToInt(p -> p.rate().counted()).sum();
            lines.add(new InstitutionLine(name, perSession, AttendanceRate.percent(earned, counted)));
        });
        return lines;
    }

    /** The attendance certificate's threshold from course.yml (certificates.attendance.minAttendancePercent), else 80. */
    public static BigDecimal threshold(Course course) {
        Object attendance = course.getCertificates().get("attendance");
        if (attendance instanceof Map<?, ?> map && map.get("minAttendancePercent") != null) {
            try {
                return new BigDecimal(map.get("minAttendancePercent").toString());
            } catch (NumberFormatException e) {
                return BigDecimal.valueOf(80);
            }
        }
        return BigDecimal.valueOf(80);
    }
}
