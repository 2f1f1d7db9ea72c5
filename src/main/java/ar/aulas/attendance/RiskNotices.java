package ar.aulas.attendance;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.AccountRepository;
import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.Role;
import ar.aulas.shared.mail.Mailer;
import ar.aulas.shared.web.Formats;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** Tells at-risk participants (by mail or the outbox), optionally copying their institution's coordinators. */
@Service
public class RiskNotices {

    private final AttendanceReport reports;
    private final Mailer mailer;
    private final MessageSource messages;
    private final AccountRepository accounts;

    RiskNotices(AttendanceReport reports, Mailer mailer, MessageSource messages, AccountRepository accounts) {
        this.reports = reports;
        this.mailer = mailer;
        this.messages = messages;
        this.accounts = accounts;
    }

    /** @return how many participants were notified */
    public int notifyAtRisk(AulasUser user, String code, boolean copyCoordinators) {
        AttendanceReport.Report report = reports.report(user, code);
        Locale es = Locale.forLanguageTag("es-AR");
        int sent = 0;
        for (AttendanceReport.Person p : report.people()) {
            if (p.risk() == AttendanceReport.Risk.OK) {
                continue;
            }
            Object[] args = {p.account().getFullName(), report.course().getTitle(),
                    p.rate().percent() == null ? "—" : Formats.number(p.rate().percent(), es),
                    Formats.number(report.threshold(), es)};
            String subject = messages.getMessage("mail.risk.subject", new Object[] {report.course().getTitle()}, es);
            String body = messages.getMessage("mail.risk.body." + p.risk(), args, es);
            mailer.send(p.account().getEmail(), subject, body);
            sent++;
            if (copyCoordinators && p.account().getInstitutionId() != null) {
                for (Account coordinator : accounts.findByCoordinatedInstitutionIdAndActiveTrue(
                        p.account().getInstitutionId())) {
                    if (coordinator.has(Role.COORDINATOR)) {
                        mailer.send(coordinator.getEmail(), subject, body);
                    }
                }
            }
        }
        return sent;
    }
}
