package ar.aulas.certificates;

import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.Role;
import ar.aulas.courses.Course;
import ar.aulas.courses.CourseAccess;
import ar.aulas.shared.web.NotFoundException;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Who may see and act on certificates: admins and coordinators see a course's (a scoped coordinator only their
 * institution's); admins and programme coordinators issue, revoke and reissue. Anyone else gets 404.
 */
@Component
class CertificateStaff {

    private final CourseAccess access;
    private final CertificateRepository certificates;

    CertificateStaff(CourseAccess access, CertificateRepository certificates) {
        this.access = access;
        this.certificates = certificates;
    }

    /** Admins and programme coordinators issue, revoke and reissue. */
    public boolean canIssue(AulasUser user) {
        return user.has(Role.ADMIN) || (user.has(Role.COORDINATOR) && user.coordinatedInstitutionId() == null);
    }

    Course course(AulasUser user, String code) {
        if (!user.has(Role.ADMIN) && !user.has(Role.COORDINATOR)) {
            throw new NotFoundException();
        }
        return access.course(user, code);
    }

    void requireIssuer(AulasUser user) {
        if (!canIssue(user)) {
            throw new NotFoundException();
        }
    }

    Certificate certificate(AulasUser user, String certificateId) {
        Certificate c = certificates.findById(certificateId).orElseThrow(NotFoundException::new);
        course(user, c.getCourseCode());
        if (!user.seesAllInstitutions() && !Objects.equals(user.coordinatedInstitutionId(), c.getInstitutionId())) {
            throw new NotFoundException();
        }
        return c;
    }
}
