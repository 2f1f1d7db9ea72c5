package ar.aulas.certificates;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.AccountRegistry;
import ar.aulas.accounts.PersonOrder;
import ar.aulas.attendance.AttendanceMarks;
import ar.aulas.attendance.AttendanceRate;
import ar.aulas.attendance.AttendanceSession;
import ar.aulas.attendance.AttendanceSessionRepository;
import ar.aulas.attendance.AttendanceStatus;
import ar.aulas.attendance.Weights;
import ar.aulas.courses.Course;
import ar.aulas.courses.Enrolment;
import ar.aulas.courses.Enrolments;
import ar.aulas.exercises.CourseWork;
import ar.aulas.exercises.Exercise;
import ar.aulas.exercises.ExerciseRepository;
import ar.aulas.institutions.Institution;
import ar.aulas.institutions.InstitutionDirectory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Every enrolled participant's {@link Standing} in a course, with the rules of the attendance report
 * (rates with the course's weights, a taken session without a mark is an absence, sessions before the
 * person enrolled count only if attended) and of the gradebook (team work counts for every member of
 * the institution; the last grade given). It reads through the owners' query methods: the course's active
 * enrolments, its attendance marks and its work, each on that module's indexes.
 */
@Component
public class Standings {

    /** A participant with their standing and the encounters they attended (for the certificate's text). */
    public record Participant(Account account, String institutionName, Standing standing, List<Integer> attendedModules) {
    }

    /** The same without the account, for figures that need only the institution. */
    /** @param shares what each session adds to the person's attendance rate (for group rates: summed shares) */
    public record Computed(String accountId, String institutionId, Standing standing, List<Integer> attendedModules,
            List<AttendanceRate.Share> shares) {
    }

    private final AttendanceSessionRepository sessions;
    private final ExerciseRepository exercises;
    private final AccountRegistry accounts;
    private final InstitutionDirectory institutions;
    private final Enrolments enrolments;
    private final AttendanceMarks attendance;
    private final CourseWork courseWork;
    private final Clock clock;

    Standings(AttendanceSessionRepository sessions, ExerciseRepository exercises, AccountRegistry accounts,
            InstitutionDirectory institutions, Enrolments enrolments, AttendanceMarks attendance,
            CourseWork courseWork, Clock clock) {
        this.clock = clock;
        this.courseWork = courseWork;
        this.enrolments = enrolments;
        this.attendance = attendance;
        this.sessions = sessions;
        this.exercises = exercises;
        this.accounts = accounts;
        this.institutions = institutions;
    }

    /** The sessions a standing lists, in its order. */
    public List<AttendanceSession> sessions(Course course) {
        return sessions.ofCourse(course.getCode());
    }

    /** The exercises a standing lists, in its order. */
    public List<Exercise> exercises(Course course) {
        return exercises.ofCourse(course.getCode());
    }

    /** In the course's order (institution, then name); {@code onlyInstitution} null for everyone. */
    public Map<String, Participant> of(Course course, String onlyInstitution) {
        Map<String, Computed> computed = compute(course, onlyInstitution);
        Map<String, Institution> byId = institutions.byId();
        List<Participant> list = new ArrayList<>();
        for (Account a : accounts.findAll(computed.keySet())) {
            Computed c = computed.get(a.getId());
            Institution institution = byId.get(a.getInstitutionId());
            list.add(new Participant(a, institution == null ? "" : institution.getName(), c.standing(), c.attendedModules()));
        }
        list.sort(Comparator.comparing(Participant::institutionName, PersonOrder.TEXT)
                .thenComparing(Participant::account, PersonOrder.ACCOUNTS));
        Map<String, Participant> result = new LinkedHashMap<>();
        list.forEach(p -> result.put(p.account().getId(), p));
        return result;
    }

    /**
     * One participant with their account, as {@link #of} gives them, computed for that person alone (issuing or
     * reissuing one certificate used to compute the whole course to take one person's standing).
     */
    public Optional<Participant> participant(Course course, String accountId) {
        return one(course, accountId).flatMap(c -> accounts.find(accountId).map(a -> {
            Institution institution = institutions.byId().get(a.getInstitutionId());
            return new Participant(a, institution == null ? "" : institution.getName(), c.standing(), c.attendedModules());
        }));
    }

    /** One participant's standing (for their own course home and the dashboard's bookkeeping), or empty when not enrolled. */
    public Optional<Computed> one(Course course, String accountId) {
        String code = course.getCode();
        Enrolment enrolment = enrolments.find(code, accountId).orElse(null);
        if (enrolment == null || !enrolment.isActive()) {
            return Optional.empty();
        }
        List<AttendanceSession> list = sessions(course);
        List<Exercise> work = exercises(course);
        List<String> owners = work.stream().map(e -> e.ownerKeyOf(accountId, enrolment.getInstitutionId())).distinct().toList();
        return Optional.of(standing(course, list, work, enrolment, attendance.of(code, accountId),
                owners.isEmpty() ? Map.of() : courseWork.ofOwners(code, owners)));
    }

    /** Every active participant's standing, or one institution's people's, by account id, without their accounts. */
    public Map<String, Computed> compute(Course course, String onlyInstitution) {
        String code = course.getCode();
        List<AttendanceSession> list = sessions(course);
        List<Exercise> work = exercises(course);
        Map<String, Map<String, AttendanceStatus>> marks = attendance.ofCourse(code, onlyInstitution);
        Map<String, Map<String, CourseWork.Mark>> byOwner = courseWork.of(code, onlyInstitution);
        Map<String, Computed> result = new LinkedHashMap<>();
        for (Enrolment person : enrolments.active(code, onlyInstitution)) {
            Computed c = standing(course, list, work, person, marks.getOrDefault(person.getAccountId(), Map.of()), byOwner);
            result.put(c.accountId(), c);
        }
        return result;
    }

    private Computed standing(Course course, List<AttendanceSession> list, List<Exercise> work, Enrolment person,
            Map<String, AttendanceStatus> mine, Map<String, Map<String, CourseWork.Mark>> byOwner) {
        ZoneId zone = ZoneId.of(course.getTimeZone());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Weights weights = Weights.of(course);
        Map<Integer, Long> perModule = new HashMap<>();
        list.forEach(s -> perModule.merge(s.getModuleNumber(), 1L, Long::sum));
        long remaining = list.stream().filter(s -> !s.isTaken()).count();
        String accountId = person.getAccountId();
        String institutionId = person.getInstitutionId();
        Instant at = person.getEnrolledAt();
        LocalDate enrolledOn = at == null ? null : at.atZone(zone).toLocalDate();
        List<AttendanceRate.SessionMark> rateMarks = new ArrayList<>();
        List<Standing.SessionMark> sessionMarks = new ArrayList<>();
        TreeSet<Integer> attended = new TreeSet<>();
        for (AttendanceSession s : list) {
            AttendanceStatus recorded = mine.get(s.getId());
            AttendanceStatus shown = s.isTaken() && recorded == null ? AttendanceStatus.ABSENT : recorded;
            boolean came = shown == AttendanceStatus.PRESENT || shown == AttendanceStatus.LATE;
            if (came) {
                attended.add(s.getModuleNumber());
            }
            boolean before = !came && enrolledOn != null && s.getDate() != null && s.getDate().isBefore(enrolledOn);
            rateMarks.add(new AttendanceRate.SessionMark(s.getId(), s.getDate(), s.isTaken(), recorded));
            sessionMarks.add(new Standing.SessionMark(s.getModuleNumber(), s.getNumber(),
                    perModule.get(s.getModuleNumber()).intValue(), s.isTaken(), shown, before, s.hasCome(today)));
        }
        AttendanceRate rate = AttendanceRate.of(rateMarks, enrolledOn, weights);
        BigDecimal best = rate.counted() + remaining == 0 ? null
                : rate.earned().add(BigDecimal.valueOf(remaining)).multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(rate.counted() + remaining), 1, RoundingMode.HALF_UP);
        List<Standing.ExerciseMark> exerciseMarks = new ArrayList<>();
        for (Exercise e : work) {
            CourseWork.Mark w = byOwner.getOrDefault(e.ownerKeyOf(accountId, institutionId), Map.of()).get(e.getId());
            exerciseMarks.add(mark(e, w));
        }
        return new Computed(accountId, institutionId, new Standing(sessionMarks, rate.percent(), best, exerciseMarks),
                List.copyOf(attended), AttendanceRate.shares(rateMarks, enrolledOn, weights));
    }

    /** The exercise as the gradebook sees it: its status and the last grade given (which may be an earlier attempt's). */
    private static Standing.ExerciseMark mark(Exercise e, CourseWork.Mark w) {
        if (w == null) {
            return new Standing.ExerciseMark(e.getModuleNumber(), e.getTitle(), null, null, null);
        }
        BigDecimal outOfTen = null;
        if (w.score() != null && e.getScale() == Exercise.Scale.POINTS && e.getMaxScore() != null
                && e.getMaxScore().signum() != 0) {
            outOfTen = w.score().multiply(BigDecimal.TEN).divide(e.getMaxScore(), 2, RoundingMode.HALF_UP);
        }
        return new Standing.ExerciseMark(e.getModuleNumber(), e.getTitle(), w.status(), w.verdict(), outOfTen);
    }
}
