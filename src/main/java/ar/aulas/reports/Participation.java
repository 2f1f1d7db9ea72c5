package ar.aulas.reports;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.AccountRegistry;
import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.PersonOrder;
import ar.aulas.accounts.Role;
import ar.aulas.attendance.AttendanceRate;
import ar.aulas.attendance.AttendanceSession;
import ar.aulas.attendance.AttendanceSessionRepository;
import ar.aulas.attendance.AttendanceStatus;
import ar.aulas.certificates.Certificate;
import ar.aulas.certificates.CertificateEligibility;
import ar.aulas.certificates.CertificateRepository;
import ar.aulas.certificates.CertificateRules;
import ar.aulas.certificates.CertificateType;
import ar.aulas.certificates.Eligibility;
import ar.aulas.certificates.Standing;
import ar.aulas.certificates.Standings;
import ar.aulas.conversation.ConversationParticipation;
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
 * certificates issued; and, per institution, the same per person. The figures are those the
 * {@link ParticipationLedger} keeps per institution (a few documents read by id); an institution's
 * coordinator sees only their institution.
 */
@Service
public class Participation {

    /** One row of the programme view (or the totals). Rates are percentages with one decimal, null when nothing counts. */
    public record Line(String institutionId, String name, long enrolled, List<BigDecimal> perSession, BigDecimal overall,
            long submitted, long approved, Map<CertificateType, Long> eligible, Map<CertificateType, Long> issued,
            Map<CertificateType, Long> revoked, long posts) {
    }

    /** @param current false when changes announced before the view were still being applied: the figures may lag */
    public record ProgrammeView(Course course, List<AttendanceSession> sessions, List<CertificateType> types,
            List<Line> lines, Line totals, boolean current) {
    }

    public record Person(Standings.Participant participant, List<AttendanceStatus> statuses, BigDecimal rate,
            long submitted, long approved, Map<CertificateType, Eligibility> eligibility,
            Map<CertificateType, Certificate> certificates, long posts) {
    }

    public record InstitutionView(Course course, Institution institution, List<AttendanceSession> sessions,
            List<CertificateType> types, List<Person> people, Line summary, boolean current) {
    }

    /** One participant in detail: each encounter, each exercise, each certificate. */
    public record PersonView(Course course, Account person, String institutionName,
            List<AttendanceSession> sessions, Standing standing,
            Map<CertificateType, Eligibility> eligibility, Map<CertificateType, Certificate> certificates,
            Map<String, Long> posts) {

        /** Posts in the debate of an encounter (0 when none). */
        public long postsIn(int module) {
            return posts.getOrDefault("m" + module, 0L);
        }
    }

    /** Columns the programme view sorts by. */
    public enum Sort { NAME, ENROLLED, OVERALL, SUBMITTED, APPROVED, ELIGIBLE, ISSUED }

    /** How long a view waits for changes announced in this process before it shows what is kept. */
    private static final long SETTLE_MILLIS = 3_000;

    private final CourseAccess access;
    private final AttendanceSessionRepository sessions;
    private final InstitutionDirectory institutions;
    private final Standings standings;
    private final CertificateRepository certificates;
    private final AccountRegistry accounts;
    private final ParticipationLedger ledger;
    private final ConversationParticipation conversation;

    Participation(CourseAccess access, AttendanceSessionRepository sessions, InstitutionDirectory institutions,
            Standings standings, CertificateRepository certificates, AccountRegistry accounts,
            ParticipationLedger ledger, ConversationParticipation conversation) {
        this.conversation = conversation;
        this.access = access;
        this.sessions = sessions;
        this.institutions = institutions;
        this.standings = standings;
        this.certificates = certificates;
        this.accounts = accounts;
        this.ledger = ledger;
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
        boolean current = ledger.settle(code, SETTLE_MILLIS);
        List<AttendanceSession> list = standings.sessions(course);
        List<CertificateType> types = List.copyOf(CertificateRules.of(course).keySet());
        Map<String, Institution> byId = institutions.byId();
        List<Line> lines = new ArrayList<>();
        List<Document> kept = new ArrayList<>();
        Map<String, Long> posts = conversation.byInstitution(code);
        ledger.lines(code, only).forEach((institutionId, doc) -> {
            if (number(doc, "enrolled") > 0) {
                Institution institution = byId.get(institutionId);
                lines.add(line(institutionId, institution == null ? "" : institution.getName(), List.of(doc), list, types,
                        posts.getOrDefault(institutionId, 0L)));
                kept.add(doc);
            }
        });
        Comparator<Line> order = switch (sort == null ? Sort.NAME : sort) {
            case NAME -> Comparator.comparing(Line::name, PersonOrder.TEXT);
            case ENROLLED -> Comparator.comparingLong(Line::enrolled);
            case OVERALL -> Comparator.comparing(Line::overall, Comparator.nullsFirst(Comparator.naturalOrder()));
            case SUBMITTED -> Comparator.comparingLong(Line::submitted);
            case APPROVED -> Comparator.comparingLong(Line::approved);
            case ELIGIBLE -> Comparator.comparingLong(l -> l.eligible().values().stream().mapToLong(Long::longValue).sum());
            case ISSUED -> Comparator.comparingLong(l -> l.issued().values().stream().mapToLong(Long::longValue).sum());
        };
        lines.sort(descending ? order.reversed().thenComparing(Line::name) : order.thenComparing(Line::name));
        return new ProgrammeView(course, list, types, List.copyOf(lines), line("*", "", kept, list, types,
                lines.stream().mapToLong(Line::posts).sum()), current);
    }

    public InstitutionView institution(AulasUser user, String code, String institutionId) {
        Course course = course(user, code);
        if (!user.seesAllInstitutions() && !Objects.equals(user.coordinatedInstitutionId(), institutionId)) {
            throw new NotFoundException();
        }
        Institution institution = institutions.find(institutionId).orElseThrow(NotFoundException::new);
        boolean current = ledger.settle(code, SETTLE_MILLIS);
        Document summary = ledger.lines(code, institutionId).get(institutionId);
        if (summary == null || number(summary, "enrolled") == 0) {
            throw new NotFoundException();
        }
        List<AttendanceSession> list = standings.sessions(course);
        Map<CertificateType, CertificateRules> rules = CertificateRules.of(course);
        Map<String, Document> entries = ledger.people(code, institutionId);
        List<String> certificateIds = new ArrayList<>();
        entries.values().forEach(e -> held(e).values().forEach(id -> certificateIds.add(id.toString())));
        Map<String, Certificate> held = new HashMap<>();
        certificates.findAllById(certificateIds).forEach(c -> held.put(c.getId(), c));
        List<Person> people = new ArrayList<>();
        Map<String, Long> posts = conversation.byPerson(code, institutionId);
        for (Account account : accounts.findAll(entries.keySet())) {
            Document entry = entries.get(account.getId());
            Standing standing = ledger.standing(entry);
            List<AttendanceStatus> statuses = standing.sessions().stream().map(Standing.SessionMark::status)
                    .toList();
            Map<CertificateType, Eligibility> e = new EnumMap<>(CertificateType.class);
            rules.forEach((type, rule) -> e.put(type, CertificateEligibility.of(standing, rule)));
            Map<CertificateType, Certificate> mine = new EnumMap<>(CertificateType.class);
            held(entry).forEach((type, id) -> {
                Certificate c = held.get(id.toString());
                if (c != null && (c.getStatus() == Certificate.Status.VALID || c.getStatus() == Certificate.Status.REVOKED)) {
                    mine.put(CertificateType.valueOf(type), c);
                }
            });
            List<?> ind = entry.getList("individualWork", Object.class);
            List<?> team = entry.getList("teamWork", Object.class);
            List<Integer> attended = entry.getList("attended", Integer.class);
            people.add(new Person(new Standings.Participant(account, institution.getName(), standing, attended), statuses,
                    standing.attendancePercent(), count(ind, 0) + count(team, 0), count(ind, 1) + count(team, 1), e, mine,
                    posts.getOrDefault(account.getId(), 0L)));
        }
        people.sort(Comparator.comparing(p -> p.participant().account(), PersonOrder.ACCOUNTS));
        Line line = line(institutionId, institution.getName(), List.of(summary), list, List.copyOf(rules.keySet()),
                posts.values().stream().mapToLong(Long::longValue).sum());
        return new InstitutionView(course, institution, list, List.copyOf(rules.keySet()), people, line, current);
    }

    public PersonView person(AulasUser user, String code, String accountId) {
        Course course = course(user, code);
        Account person = accounts.find(accountId).orElseThrow(NotFoundException::new);
        if (!user.seesAllInstitutions() && !Objects.equals(user.coordinatedInstitutionId(), person.getInstitutionId())) {
            throw new NotFoundException();
        }
        Standings.Computed computed = standings.one(course, accountId).orElseThrow(NotFoundException::new);
        Map<CertificateType, Eligibility> eligibility = new EnumMap<>(CertificateType.class);
        CertificateRules.of(course).forEach((type, rule) -> eligibility.put(type,
                CertificateEligibility.of(computed.standing(), rule)));
        Map<CertificateType, Certificate> held = new EnumMap<>(CertificateType.class);
        certificates.findByCourseCodeAndAccountId(code, accountId).stream()
                .filter(c -> c.getStatus() == Certificate.Status.VALID || c.getStatus() == Certificate.Status.REVOKED)
                .forEach(c -> held.put(c.getType(), c));
        Institution institution = institutions.find(person.getInstitutionId()).orElse(null);
        return new PersonView(course, person, institution == null ? "" : institution.getName(),
                standings.sessions(course), computed.standing(), eligibility, held, conversation.ofPerson(code, accountId));
    }

    /**
     * The row of one institution, or of several summed (the totals). Attendance of a group is its members'
     * {@link ar.aulas.attendance.AttendanceRate.Share}s summed, per encounter and overall: the definition the
     * attendance report uses (no mark at a taken encounter counts as absent, a justified absence and an
     * encounter held before the person enrolled leave the denominator).
     */
    private static Line line(String institutionId, String name, List<Document> docs, List<AttendanceSession> list,
            List<CertificateType> types, long posts) {
        long enrolled = docs.stream().mapToLong(d -> number(d, "enrolled")).sum();
        List<BigDecimal> perSession = new ArrayList<>();
        BigDecimal earnedAll = BigDecimal.ZERO;
        long countedAll = 0;
        for (AttendanceSession s : list) {
            BigDecimal earned = BigDecimal.ZERO;
            long counted = 0;
            for (Document d : docs) {
                List<?> sums = d.get("attendance", Document.class).getList(s.getId(), Object.class);
                if (sums != null && sums.size() == 2) {
                    earned = earned.add(new BigDecimal(sums.get(0).toString()));
                    counted += ((Number) sums.get(1)).longValue();
                }
            }
            earnedAll = earnedAll.add(earned);
            countedAll += counted;
            perSession.add(s.isTaken() ? AttendanceRate.percent(earned, counted) : null);
        }
        Map<CertificateType, Long> eligible = new EnumMap<>(CertificateType.class);
        Map<CertificateType, Long> issued = new EnumMap<>(CertificateType.class);
        Map<CertificateType, Long> revoked = new EnumMap<>(CertificateType.class);
        for (CertificateType t : types) {
            eligible.put(t, 0L);
            issued.put(t, 0L);
            revoked.put(t, 0L);
        }
        for (Document d : docs) {
            ParticipationLedger.byType(d.get("eligible", Document.class)).forEach((t, n) -> eligible.merge(t, n, Long::sum));
            ParticipationLedger.byType(d.get("issued", Document.class)).forEach((t, n) -> issued.merge(t, n, Long::sum));
            ParticipationLedger.byType(d.get("revoked", Document.class)).forEach((t, n) -> revoked.merge(t, n, Long::sum));
        }
        eligible.keySet().retainAll(types);
        issued.keySet().retainAll(types);
        revoked.keySet().retainAll(types);
        return new Line(institutionId, name, enrolled, perSession, AttendanceRate.percent(earnedAll, countedAll),
                docs.stream().mapToLong(d -> number(d, "submitted")).sum(), docs.stream().mapToLong(d -> number(d, "approved")).sum(),
                eligible, issued, revoked, posts);
    }

    /** A person's kept certificates: the valid ones, then the revoked ones (types never overlap: one slot per type). */
    private static Map<String, Object> held(Document entry) {
        Map<String, Object> ids = new LinkedHashMap<>(entry.get("issued", Document.class));
        Document revoked = entry.get("revoked", Document.class);
        if (revoked != null) {
            revoked.forEach(ids::putIfAbsent);
        }
        return ids;
    }

    private static long count(List<?> values, int index) {
        return values.size() > index && values.get(index) instanceof Number n ? n.longValue() : 0L;
    }


    private static long number(Document d, String key) {
        Object n = d.get(key);
        return n instanceof Number number ? number.longValue() : 0L;
    }
}
