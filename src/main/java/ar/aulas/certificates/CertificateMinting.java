package ar.aulas.certificates;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.AccountRegistry;
import ar.aulas.accounts.AulasUser;
import ar.aulas.courses.Course;
import ar.aulas.courses.CourseModule;
import ar.aulas.courses.CourseModuleRepository;
import ar.aulas.shared.mail.Mailer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Making one certificate, as issuing, a bulk job and a reissue do: its number reserved without gaps, its PDF
 * rendered, signed and stored, the audit written and the holder told.
 */
@Component
class CertificateMinting {

    private static final Locale SPANISH = Locale.forLanguageTag("es-AR");

    private final CourseModuleRepository modules;
    private final CertificateRepository certificates;
    private final CertificateAuditRepository audit;
    private final CertificateDocuments documents;
    private final CertificateReissueRepository reissues;
    private final CertificateNumbers numbers;
    private final Clock clock;
    private final MessageSource messages;
    private final Mailer mailer;
    private final AccountRegistry accounts;
    private final ApplicationEventPublisher events;

    CertificateMinting(CourseModuleRepository modules, CertificateRepository certificates, CertificateAuditRepository audit,
            CertificateDocuments documents, CertificateReissueRepository reissues, CertificateNumbers numbers, Clock clock,
            MessageSource messages, Mailer mailer, AccountRegistry accounts, ApplicationEventPublisher events) {
        this.modules = modules;
        this.certificates = certificates;
        this.audit = audit;
        this.documents = documents;
        this.reissues = reissues;
        this.numbers = numbers;
        this.clock = clock;
        this.messages = messages;
        this.mailer = mailer;
        this.accounts = accounts;
        this.events = events;
    }

    Certificate saveGuarded(Certificate c) {
        try {
            Certificate saved = certificates.save(c);
            events.publishEvent(CertificateChanged.of(saved));
            return saved;
        } catch (OptimisticLockingFailureException e) {
            throw new CertificateRefused(null, "certificate.refused.changedMeanwhile", c.getNumber());
        }
    }

    /** The person's certificate, made (or completed) now. */
    Certificate mint(Course course, Standings.Participant p, CertificateRules rule, AulasUser by, String exception,
            Map<Integer, String> titles) {
        Reserved reserved = reserve(course, p, rule, by, exception, titles, null);
        return documents.complete(reserved.certificate(), titles, reserved.fresh(), documents.base());
    }

    /** A certificate whose number is taken; {@code fresh} when inserted by this call (no PDF can exist yet). */
    record Reserved(Certificate certificate, boolean fresh) {
    }

    /**
     * The person's certificate of that type: the existing one, or a new pending one with the next number. The
     * number is the last one plus one, taken at insert: the unique indexes turn a race into a retry, and an
     * existing slot into "already issued".
     */
    Reserved reserve(Course course, Standings.Participant p, CertificateRules rule, AulasUser by, String exception,
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

    CertificateRules ruleOf(Course course, CertificateType type) {
        CertificateRules rule = CertificateRules.of(course).get(type);
        if (rule == null) {
            throw new CertificateRefused(null, "certificate.refused.noSuchType");
        }
        return rule;
    }

    private String typeTitle(CertificateRules rule) {
        return rule.title() != null ? rule.title() : messages.getMessage(rule.type().key(), null, SPANISH);
    }

    Map<Integer, String> titles(String code) {
        Map<Integer, String> titles = new LinkedHashMap<>();
        for (CourseModule m : modules.findByCourseCodeAndArchivedFalseOrderByNumberAsc(code)) {
            titles.put(m.getNumber(), m.getTitle());
        }
        return titles;
    }

    void record(Certificate c, CertificateAudit.Action action, AulasUser by, String detail) {
        audit.save(new CertificateAudit(c.getId(), c.getCourseCode(), action, by.id(), by.fullName(), clock.instant(), detail));
    }

    void notifyHolder(Certificate c) {
        notifyHolder(c, documents.base());
    }

    void notifyHolder(Certificate c, String base) {
        accountEmail(c).ifPresent(email -> mailer.send(email,
                messages.getMessage("certificate.mail.subject", new Object[] {c.getTypeTitle()}, SPANISH),
                messages.getMessage("certificate.mail.body", new Object[] {c.getHolderName(), c.getTypeTitle(),
                        c.getCourseTitle(), base + "/courses/" + c.getCourseCode(), documents.verificationUrl(c, base),
                        c.verificationCode().formatted()}, SPANISH)));
    }

    private Optional<String> accountEmail(Certificate c) {
        return accounts.find(c.getAccountId()).map(Account::getEmail);
    }
}
