package ar.aulas.certificates;

import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.Role;
import ar.aulas.courses.Course;
import ar.aulas.courses.CourseAccess;
import ar.aulas.shared.web.NotFoundException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * A course's certificates for staff (who may receive which, what is issued or revoked), a participant's own, and
 * issuing one. Admins and programme coordinators issue; an institution's coordinator sees and downloads only their
 * institution's. One certificate per (course, participant, type), numbered without gaps. Bulk jobs:
 * {@link BulkIssuing}; revocation and reissue: {@link CertificateRevocation}.
 */
@Service
public class CertificateIssuing {

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

    private final CertificateStaff staff;
    private final CertificateMinting minting;
    private final CourseAccess access;
    private final Standings standings;
    private final CertificateRepository certificates;
    private final CertificateAuditRepository audit;
    private final IssueJobRepository jobs;
    private final CertificateTemplates templates;
    private final MessageSource messages;

    CertificateIssuing(CertificateStaff staff, CertificateMinting minting, CourseAccess access, Standings standings,
            CertificateRepository certificates, CertificateAuditRepository audit, IssueJobRepository jobs,
            CertificateTemplates templates, MessageSource messages) {
        this.staff = staff;
        this.minting = minting;
        this.access = access;
        this.standings = standings;
        this.certificates = certificates;
        this.audit = audit;
        this.jobs = jobs;
        this.templates = templates;
        this.messages = messages;
    }

    /** Admins and programme coordinators issue, revoke and reissue. */
    public boolean canIssue(AulasUser user) {
        return staff.canIssue(user);
    }

    public Overview overview(AulasUser user, String code) {
        Course course = staff.course(user, code);
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
        staff.requireIssuer(user);
        Course course = access.course(user, code);
        CertificateRules rule = minting.ruleOf(course, type);
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
        Certificate c = minting.mint(course, p, rule, user, exception, minting.titles(code));
        if (notify) {
            minting.notifyHolder(c);
        }
        return c;
    }

    Certificate staffCertificate(AulasUser user, String certificateId) {
        return staff.certificate(user, certificateId);
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

    /** The reasons in the user's language, joined: "faltó al encuentro 3; ejercicio 2 requiere revisión". */
    public String reasons(Eligibility eligibility) {
        Locale locale = LocaleContextHolder.getLocale();
        return eligibility.reasons().stream().map(r -> messages.getMessage(r.key(), r.args(), locale))
                .collect(Collectors.joining("; "));
    }

}
