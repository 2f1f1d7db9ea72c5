package ar.aulas.certificates;

import ar.aulas.accounts.AulasUser;
import ar.aulas.courses.Course;
import ar.aulas.courses.CourseAccess;
import ar.aulas.courses.CourseCatalog;
import ar.aulas.shared.HomeItems;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** On a participant's home page: where they stand for each certificate of each course (issued, revoked or why not yet). */
@Component
class CertificateHome implements HomeItems {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final CourseCatalog catalog;
    private final CourseAccess access;
    private final CertificateIssuing issuing;

    CertificateHome(CourseCatalog catalog, CourseAccess access, CertificateIssuing issuing) {
        this.catalog = catalog;
        this.access = access;
        this.issuing = issuing;
    }

    @Override
    public List<Item> items(AulasUser user) {
        List<Item> items = new ArrayList<>();
        for (Course course : catalog.coursesOf(user)) {
            if (!access.isEnrolled(user, course)) {
                continue;
            }
            for (CertificateIssuing.Mine mine : issuing.mine(user, course)) {
                Object title = mine.rules().title() != null ? mine.rules().title() : new Key(mine.rules().type().key());
                Certificate c = mine.certificate();
                if (c != null && c.getStatus() == Certificate.Status.REVOKED) {
                    items.add(new Item(Section.CERTIFICATES, "home.certificate.revoked", new Object[] {title, course.getTitle(),
                            DATE.format(c.getRevokedAt().atZone(ZoneId.of(course.getTimeZone())))},
                            "/courses/" + course.getCode(), false, course.getCode()));
                } else if (c != null) {
                    items.add(new Item(Section.CERTIFICATES, "home.certificate.issued", new Object[] {title, course.getTitle(),
                            c.getNumber()}, "/certificates/" + c.getId() + "/pdf", false, course.getCode()));
                } else {
                    items.add(new Item(Section.CERTIFICATES, "home.certificate.state", new Object[] {title, course.getTitle(),
                            new Key(mine.eligibility().state().key())}, "/courses/" + course.getCode(),
                            mine.eligibility().state() == Eligibility.State.AT_RISK, course.getCode()));
                }
            }
        }
        return items;
    }
}
