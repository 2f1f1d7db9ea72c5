package ar.aulas.reports;

import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.Role;
import ar.aulas.attendance.AttendanceSession;
import ar.aulas.attendance.AttendanceSessionRepository;
import ar.aulas.attendance.AttendanceStatus;
import ar.aulas.certificates.Certificate;
import ar.aulas.certificates.CertificateEligibility;
import ar.aulas.certificates.CertificateRepository;
import ar.aulas.certificates.CertificateRules;
import ar.aulas.certificates.CertificateType;
import ar.aulas.certificates.Eligibility;
import ar.aulas.certificates.Standings;
import ar.aulas.courses.Course;
import ar.aulas.courses.CourseAccess;
import ar.aulas.exercises.Submission;
import ar.aulas.institutions.Institution;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.shared.web.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Institutional participation in a course: for each institution, who enrolled, attendance per
 * encounter and overall, exercises submitted and approved, eligibility for each certificate and
 * certificates issued; and, per institution, the same per person. Counts come from MongoDB
 * aggregations ($group per institution); eligibility applies the certificate rules per person.
 * An institution's coordinator sees only their institution.
 */
@Service
public class Participation {

    /** One row of the programme view (or the totals). Rates are percentages with one decimal, null when nothing counts. */
    public record Line(String institutionId, String name, long enrolled, List<BigDecimal> perSession, BigDecimal overall,
            long submitted, long approved, Map<CertificateType, Long> eligible, Map<CertificateType, Long> issued) {
    }

    public record ProgrammeView(Course course, List<AttendanceSession> sessions, List<CertificateType> types,
            List<Line> lines, Line totals) {
    }

    public record Person(Standings.Participant participant, List<AttendanceStatus> statuses, BigDecimal rate,
            long submitted, long approved, Map<CertificateType, Eligibility> eligibility,
            Map<CertificateType, Certificate> certificates) {
    }

    public record InstitutionView(Course course, Institution institution, List<AttendanceSession> sessions,
            List<CertificateType> types, List<Person> people, Line summary) {
    }

    /** One participant in detail: each encounter, each exercise, each certificate. */
    public record PersonView(Course course, ar.aulas.accounts.Account person, String institutionName,
            List<AttendanceSession> sessions, ar.aulas.certificates.Standing standing,
            Map<CertificateType, Eligibility> eligibility, Map<CertificateType, Certificate> certificates) {
    }

    /** Columns the programme view sorts by. */
    public enum Sort { NAME, ENROLLED, OVERALL, SUBMITTED, APPROVED, ELIGIBLE, ISSUED }

    private final CourseAccess access;
    private final MongoTemplate mongo;
    private final AttendanceSessionRepository sessions;
    private final InstitutionDirectory institutions;
    private final Standings standings;
    private final CertificateRepository certificates;
    private final ar.aulas.accounts.AccountRegistry accounts;
    private final ParticipationCache cache;

    Participation(CourseAccess access, MongoTemplate mongo, AttendanceSessionRepository sessions,
            InstitutionDirectory institutions, Standings standings, CertificateRepository certificates,
            ar.aulas.accounts.AccountRegistry accounts, ParticipationCache cache) {
        this.accounts = accounts;
        this.cache = cache;
        this.access = access;
        this.mongo = mongo;
        this.sessions = sessions;
        this.institutions = institutions;
        this.standings = standings;
        this.certificates = certificates;
    }

    private Course course(AulasUser user, String code) {
        if (!user.has(Role.ADMIN) && !user.has(Role.COORDINATOR)) {
            throw new NotFoundException();
        }
        return access.course(user, code);
    }

    public ProgrammeView programme(AulasUser user, String code, Sort sort, boolean descending) {
        Course course = course(user, code);
        String only = user.seesAllInstitutions() ? null : user.coordinatedInstitutionId();
        ProgrammeView computed = cache.get(List.of("programme", code, String.valueOf(only)), () -> compute(course, only));
        List<Line> lines = new ArrayList<>(computed.lines());
        Comparator<Line> order = switch (sort == null ? Sort.NAME : sort) {
            case NAME -> Comparator.comparing(Line::name);
            case ENROLLED -> Comparator.comparingLong(Line::enrolled);
            case OVERALL -> Comparator.comparing(Line::overall, Comparator.nullsFirst(Comparator.naturalOrder()));
            case SUBMITTED -> Comparator.comparingLong(Line::submitted);
            case APPROVED -> Comparator.comparingLong(Line::approved);
            case ELIGIBLE -> Comparator.comparingLong(l -> l.eligible().values().stream().mapToLong(Long::longValue).sum());
            case ISSUED -> Comparator.comparingLong(l -> l.issued().values().stream().mapToLong(Long::longValue).sum());
        };
        lines.sort(descending ? order.reversed().thenComparing(Line::name) : order.thenComparing(Line::name));
        return new ProgrammeView(computed.course(), computed.sessions(), computed.types(), List.copyOf(lines), computed.totals());
    }

    private ProgrammeView compute(Course course, String only) {
        String code = course.getCode();
        List<AttendanceSession> list = sessions.findByCourseCodeAndArchivedFalseOrderByModuleNumberAsc(code);
        List<CertificateType> types = List.copyOf(CertificateRules.of(course).keySet());
        Counts counts = counts(code, only, list);
        Map<String, Map<CertificateType, Long>> eligible = eligibleByInstitution(course, only);
        Map<String, Institution> byId = institutions.byId();
        List<Line> lines = new ArrayList<>();
        for (String institutionId : counts.enrolled.keySet()) {
            Institution institution = byId.get(institutionId);
            lines.add(line(institutionId, institution == null ? "" : institution.getName(), counts, list, types,
                    eligible.getOrDefault(institutionId, Map.of())));
        }
        return new ProgrammeView(course, list, types, List.copyOf(lines), totals(lines, counts, list, types));
    }

    public InstitutionView institution(AulasUser user, String code, String institutionId) {
        Course course = course(user, code);
        if (!user.seesAllInstitutions() && !Objects.equals(user.coordinatedInstitutionId(), institutionId)) {
            throw new NotFoundException();
        }
        return cache.get(List.of("institution", code, institutionId), () -> computeInstitution(course, institutionId));
    }

    private InstitutionView computeInstitution(Course course, String institutionId) {
        String code = course.getCode();
        Institution institution = institutions.find(institutionId).orElseThrow(NotFoundException::new);
        List<AttendanceSession> list = sessions.findByCourseCodeAndArchivedFalseOrderByModuleNumberAsc(code);
        Map<CertificateType, CertificateRules> rules = CertificateRules.of(course);
        Counts counts = counts(code, institutionId, list);
        if (!counts.enrolled.containsKey(institutionId)) {
            throw new NotFoundException();
        }
        Map<String, Long[]> work = perPersonSubmissions(code, institutionId);
        Map<String, Map<CertificateType, Certificate>> held = new HashMap<>();
        for (Certificate c : certificates.findByCourseCodeOrderByTypeAscSequenceAsc(code)) {
            if (institutionId.equals(c.getInstitutionId()) && c.getStatus() == Certificate.Status.VALID) {
                held.computeIfAbsent(c.getAccountId(), k -> new EnumMap<>(CertificateType.class)).put(c.getType(), c);
            }
        }
        List<Person> people = new ArrayList<>();
        Map<CertificateType, Long> eligible = new EnumMap<>(CertificateType.class);
        for (Standings.Participant p : standings.of(course, institutionId).values()) {
            List<AttendanceStatus> statuses = p.standing().sessions().stream().map(s -> s.taken() && s.status() == null
                    ? AttendanceStatus.ABSENT : s.status()).toList();
            Map<CertificateType, Eligibility> e = new EnumMap<>(CertificateType.class);
            rules.forEach((type, rule) -> {
                Eligibility x = CertificateEligibility.of(p.standing(), rule);
                e.put(type, x);
                if (x.eligible()) {
                    eligible.merge(type, 1L, Long::sum);
                }
            });
            Long[] w = work.getOrDefault(p.account().getId(), new Long[] {0L, 0L});
            Long[] team = work.getOrDefault("team", new Long[] {0L, 0L});
            people.add(new Person(p, statuses, p.standing().attendancePercent(), w[0] + team[0], w[1] + team[1], e,
                    held.getOrDefault(p.account().getId(), Map.of())));
        }
        Line summary = line(institutionId, institution.getName(), counts, list, List.copyOf(rules.keySet()), eligible);
        return new InstitutionView(course, institution, list, List.copyOf(rules.keySet()), people, summary);
    }

    public PersonView person(AulasUser user, String code, String accountId) {
        Course course = course(user, code);
        ar.aulas.accounts.Account person = accounts.find(accountId).orElseThrow(NotFoundException::new);
        if (!user.seesAllInstitutions() && !Objects.equals(user.coordinatedInstitutionId(), person.getInstitutionId())) {
            throw new NotFoundException();
        }
        Standings.Computed computed = standings.one(course, accountId).orElseThrow(NotFoundException::new);
        Map<CertificateType, Eligibility> eligibility = new EnumMap<>(CertificateType.class);
        CertificateRules.of(course).forEach((type, rule) -> eligibility.put(type,
                CertificateEligibility.of(computed.standing(), rule)));
        Map<CertificateType, Certificate> held = new EnumMap<>(CertificateType.class);
        certificates.findByCourseCodeAndAccountId(code, accountId).stream()
                .filter(c -> c.getStatus() == Certificate.Status.VALID).forEach(c -> held.put(c.getType(), c));
        Institution institution = institutions.find(person.getInstitutionId()).orElse(null);
        return new PersonView(course, person, institution == null ? "" : institution.getName(),
                sessions.findByCourseCodeAndArchivedFalseOrderByModuleNumberAsc(code), computed.standing(), eligibility, held);
    }

    /** The aggregated counts of a course (or of one institution): enrolled, attendance, submissions, certificates. */
    private static final class Counts {
        final Map<String, Long> enrolled = new LinkedHashMap<>();
        /** institution → session → status → people */
        final Map<String, Map<String, Map<String, Long>>> attendance = new HashMap<>();
        final Map<String, long[]> submissions = new HashMap<>();
        final Map<String, Map<CertificateType, Long>> issued = new HashMap<>();
    }

    private Counts counts(String code, String only, List<AttendanceSession> list) {
        Counts counts = new Counts();
        Document match = new Document("courseCode", code).append("active", true);
        if (only != null) {
            match.append("institutionId", only);
        }
        aggregate("enrolments", List.of(new Document("$match", match),
                new Document("$group", new Document("_id", "$institutionId").append("n", new Document("$sum", 1)))))
                .forEach(d -> counts.enrolled.put(d.getString("_id"), number(d, "n")));
        // people no longer enrolled keep their records and work, which must not count
        List<String> gone = aggregate("enrolments", List.of(new Document("$match", new Document("courseCode", code)
                .append("active", false)), new Document("$project", new Document("accountId", 1))))
                .stream().map(d -> d.getString("accountId")).toList();
        Document records = new Document("courseCode", code).append("accountId", new Document("$nin", gone));
        if (only != null) {
            records.append("institutionId", only);
        }
        aggregate("attendance_records", List.of(new Document("$match", records), new Document("$group",
                new Document("_id", new Document("i", "$institutionId").append("s", "$sessionId").append("st", "$status"))
                        .append("n", new Document("$sum", 1))))).forEach(d -> {
                            Document id = d.get("_id", Document.class);
                            counts.attendance.computeIfAbsent(id.getString("i"), k -> new HashMap<>())
                                    .computeIfAbsent(id.getString("s"), k -> new HashMap<>())
                                    .put(id.getString("st"), number(d, "n"));
                        });
        Document work = new Document("courseCode", code).append("status", new Document("$ne", Submission.Status.DRAFT.name()))
                .append("participantId", new Document("$nin", gone));
        if (only != null) {
            work.append("institutionId", only);
        }
        aggregate("submissions", List.of(new Document("$match", work),
                new Document("$project", new Document("institutionId", 1).append("status", 1)
                        .append("last", new Document("$arrayElemAt", List.of("$attempts", -1)))),
                new Document("$group", new Document("_id", "$institutionId").append("submitted", new Document("$sum", 1))
                        .append("approved", new Document("$sum", approvedExpression())))))
                .forEach(d -> counts.submissions.put(d.getString("_id"),
                        new long[] {number(d, "submitted"), number(d, "approved")}));
        Document issued = new Document("courseCode", code).append("status", Certificate.Status.VALID.name());
        if (only != null) {
            issued.append("institutionId", only);
        }
        aggregate("certificates", List.of(new Document("$match", issued), new Document("$group",
                new Document("_id", new Document("i", "$institutionId").append("t", "$type")).append("n", new Document("$sum", 1)))))
                .forEach(d -> {
                    Document id = d.get("_id", Document.class);
                    counts.issued.computeIfAbsent(id.getString("i"), k -> new EnumMap<>(CertificateType.class))
                            .put(CertificateType.valueOf(id.getString("t")), number(d, "n"));
                });
        return counts;
    }

    /** Per participant of one institution: submissions and approvals (team work is counted under "team"). */
    private Map<String, Long[]> perPersonSubmissions(String code, String institutionId) {
        Map<String, Long[]> result = new HashMap<>();
        aggregate("submissions", List.of(new Document("$match", new Document("courseCode", code)
                        .append("institutionId", institutionId).append("status", new Document("$ne", Submission.Status.DRAFT.name()))),
                new Document("$project", new Document("participantId", 1).append("team", 1).append("status", 1)
                        .append("last", new Document("$arrayElemAt", List.of("$attempts", -1)))),
                new Document("$group", new Document("_id", new Document("$cond", List.of("$team", "team", "$participantId")))
                        .append("submitted", new Document("$sum", 1)).append("approved", new Document("$sum", approvedExpression())))))
                .forEach(d -> result.put(String.valueOf(d.get("_id")), new Long[] {number(d, "submitted"), number(d, "approved")}));
        return result;
    }

    private static Document approvedExpression() {
        return new Document("$cond", List.of(new Document("$and", List.of(
                new Document("$eq", List.of("$status", Submission.Status.GRADED.name())),
                new Document("$eq", List.of("$last.grade.verdict", Submission.Verdict.APPROVED.name())))), 1, 0));
    }

    private Map<String, Map<CertificateType, Long>> eligibleByInstitution(Course course, String only) {
        Map<CertificateType, CertificateRules> rules = CertificateRules.of(course);
        Map<String, Map<CertificateType, Long>> eligible = new HashMap<>();
        for (Standings.Computed p : standings.compute(course, only).values()) {
            rules.forEach((type, rule) -> {
                if (CertificateEligibility.of(p.standing(), rule).eligible()) {
                    eligible.computeIfAbsent(p.institutionId(), k -> new EnumMap<>(CertificateType.class))
                            .merge(type, 1L, Long::sum);
                }
            });
        }
        return eligible;
    }

    /**
     * Attendance of a group at a taken session: present and late over those who count (everyone enrolled
     * but the justified absences; no mark counts as absent), as on the attendance report per institution.
     */
    private static Line line(String institutionId, String name, Counts counts, List<AttendanceSession> list,
            List<CertificateType> types, Map<CertificateType, Long> eligible) {
        long enrolled = counts.enrolled.getOrDefault(institutionId, 0L);
        Map<String, Map<String, Long>> bySession = counts.attendance.getOrDefault(institutionId, Map.of());
        List<BigDecimal> perSession = new ArrayList<>();
        long attendedAll = 0;
        long countedAll = 0;
        for (AttendanceSession s : list) {
            if (!s.isTaken()) {
                perSession.add(null);
                continue;
            }
            Map<String, Long> statuses = bySession.getOrDefault(s.getId(), Map.of());
            long attended = statuses.getOrDefault("PRESENT", 0L) + statuses.getOrDefault("LATE", 0L);
            long counted = Math.max(0, enrolled - statuses.getOrDefault("EXCUSED", 0L));
            attendedAll += attended;
            countedAll += counted;
            perSession.add(percent(attended, counted));
        }
        long[] work = counts.submissions.getOrDefault(institutionId, new long[2]);
        Map<CertificateType, Long> e = new EnumMap<>(CertificateType.class);
        Map<CertificateType, Long> issued = new EnumMap<>(CertificateType.class);
        for (CertificateType t : types) {
            e.put(t, eligible.getOrDefault(t, 0L));
            issued.put(t, counts.issued.getOrDefault(institutionId, Map.of()).getOrDefault(t, 0L));
        }
        return new Line(institutionId, name, enrolled, perSession, percent(attendedAll, countedAll), work[0], work[1], e, issued);
    }

    private static Line totals(List<Line> lines, Counts counts, List<AttendanceSession> list, List<CertificateType> types) {
        Counts all = new Counts();
        all.enrolled.put("*", lines.stream().mapToLong(Line::enrolled).sum());
        Map<String, Map<String, Long>> sessionsAll = new HashMap<>();
        counts.attendance.forEach((i, bySession) -> bySession.forEach((s, statuses) -> statuses.forEach((st, n) ->
                sessionsAll.computeIfAbsent(s, k -> new HashMap<>()).merge(st, n, Long::sum))));
        all.attendance.put("*", sessionsAll);
        all.submissions.put("*", new long[] {lines.stream().mapToLong(Line::submitted).sum(),
                lines.stream().mapToLong(Line::approved).sum()});
        Map<CertificateType, Long> eligible = new EnumMap<>(CertificateType.class);
        Map<CertificateType, Long> issued = new EnumMap<>(CertificateType.class);
        for (Line l : lines) {
            l.eligible().forEach((t, n) -> eligible.merge(t, n, Long::sum));
            l.issued().forEach((t, n) -> issued.merge(t, n, Long::sum));
        }
        all.issued.put("*", issued);
        return line("*", "", all, list, types, eligible);
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private List<Document> aggregate(String collection, List<Document> pipeline) {
        return mongo.getCollection(collection).aggregate(pipeline).into(new ArrayList<>());
    }

    private static long number(Document d, String key) {
        Object n = d.get(key);
        return n instanceof Number number ? number.longValue() : 0L;
    }
}
