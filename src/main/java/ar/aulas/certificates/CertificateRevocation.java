package ar.aulas.certificates;

import ar.aulas.accounts.AulasUser;
import ar.aulas.courses.Course;
import ar.aulas.courses.CourseRepository;
import ar.aulas.shared.web.NotFoundException;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** Revoking a certificate (its category public, its reason for staff) and reissuing one with the person's current data. */
@Service
public class CertificateRevocation {

    private final CertificateStaff staff;
    private final CertificateMinting minting;
    private final CourseRepository courses;
    private final Standings standings;
    private final CertificateReissueRepository reissues;
    private final Clock clock;

    CertificateRevocation(CertificateStaff staff, CertificateMinting minting, CourseRepository courses, Standings standings,
            CertificateReissueRepository reissues, Clock clock) {
        this.staff = staff;
        this.minting = minting;
        this.courses = courses;
        this.standings = standings;
        this.reissues = reissues;
        this.clock = clock;
    }

    /** The category is public (with the date); the reason is for staff and the audit only. */
    public Certificate revoke(AulasUser user, String certificateId, RevocationCategory category, String reason) {
        staff.requireIssuer(user);
        Certificate c = staff.certificate(user, certificateId);
        if (category == null) {
            throw new CertificateRefused("category", "certificate.refused.categoryRequired");
        }
        String why = reason == null ? "" : reason.trim();
        if (why.length() < 5) {
            throw new CertificateRefused("reason", "certificate.refused.reasonRequired");
        }
        if (c.getStatus() != Certificate.Status.VALID) {
            throw new CertificateRefused(null, "certificate.refused.notValid", c.getNumber());
        }
        c.revoke(user.id(), clock.instant(), category, why);
        Certificate saved = minting.saveGuarded(c);
        minting.record(saved, CertificateAudit.Action.REVOKED, user, why);
        return saved;
    }

    /** A new certificate with the person's current data (e.g. a corrected name); the old one points to it. */
    public Certificate reissue(AulasUser user, String certificateId, String justification) {
        staff.requireIssuer(user);
        Certificate old = staff.certificate(user, certificateId);
        String why = justification == null ? "" : justification.trim();
        if (why.length() < 5) {
            throw new CertificateRefused("justification", "certificate.refused.reissueReason");
        }
        if (old.getStatus() != Certificate.Status.VALID) {
            throw new CertificateRefused(null, "certificate.refused.notValid", old.getNumber());
        }
        Course course = courses.findById(old.getCourseCode()).orElseThrow(NotFoundException::new);
        Standings.Participant p = standings.participant(course, old.getAccountId()).orElse(null);
        if (p == null) {
            throw new CertificateRefused(null, "certificate.refused.notEnrolled", old.getHolderName());
        }
        VerificationCode next = VerificationCode.random();
        reissues.save(new CertificateReissue(old.getSlot(), old.getId(), old.getCode(), next.value()));
        old.replaceBy(next, clock.instant());
        minting.saveGuarded(old);
        minting.record(old, CertificateAudit.Action.REISSUED, user, why);
        return minting.mint(course, p, minting.ruleOf(course, old.getType()), user, old.getExceptionJustification(),
                minting.titles(course.getCode()));
    }
}
