package ar.aulas.certificates;

import ar.aulas.accounts.AulasUser;
import ar.aulas.courses.Course;
import ar.aulas.courses.CourseSummaries;
import ar.aulas.shared.web.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** On the participant's course home: each certificate of the course, issued (with its download) or why not yet. */
@Component
class CertificateSummary implements CourseSummaries {

    private final CertificateIssuing issuing;
    private final MessageSource messages;
    private final Formats formats;

    CertificateSummary(CertificateIssuing issuing, MessageSource messages, Formats formats) {
        this.issuing = issuing;
        this.messages = messages;
        this.formats = formats;
    }

    @Override
    public List<Summary> summaries(AulasUser user, Course course) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Summary> lines = new ArrayList<>();
        for (CertificateIssuing.Mine mine : issuing.mine(user, course)) {
            String title = mine.rules().title() != null ? mine.rules().title()
                    : messages.getMessage(mine.rules().type().key(), null, locale);
            if (mine.certificate() != null && mine.certificate().getStatus() == Certificate.Status.REVOKED) {
                Certificate c = mine.certificate();
                String category = c.getRevokeCategory() == null ? ""
                        : messages.getMessage("certificate.revocation." + c.getRevokeCategory(), null, locale);
                lines.add(new Summary(category.isEmpty() ? "certificate.summary.revoked" : "certificate.summary.revokedWhy",
                        new Object[] {title, c.getNumber(), formats.date(c.getRevokedAt()), category}, null));
            } else if (mine.certificate() != null) {
                Certificate c = mine.certificate();
                lines.add(new Summary("certificate.summary.issued", new Object[] {title, formats.date(c.getIssuedAt()),
                        c.getNumber()}, null, "/certificates/" + c.getId() + "/pdf", "certificate.download"));
            } else {
                String state = messages.getMessage(mine.eligibility().state().key(), null, locale);
                String reasons = issuing.reasons(mine.eligibility());
                lines.add(new Summary(reasons.isEmpty() ? "certificate.summary.state" : "certificate.summary.stateReasons",
                        new Object[] {title, state, reasons}, null));
            }
        }
        return lines;
    }
}
