package ar.aulas.reports.web;

import ar.aulas.accounts.AulasUser;
import ar.aulas.attendance.AttendanceSession;
import ar.aulas.attendance.AttendanceStatus;
import ar.aulas.certificates.Certificate;
import ar.aulas.certificates.CertificateType;
import ar.aulas.reports.Participation;
import ar.aulas.reports.ParticipationReport;
import ar.aulas.shared.export.SheetExport;
import ar.aulas.shared.web.Flash;
import ar.aulas.shared.web.Formats;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The participation dashboard of a course: per institution, per person, and their CSV and XLSX exports. */
@Controller
@RequestMapping("/courses/{code}/participation")
class ParticipationController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Participation participation;
    private final ParticipationReport report;
    private final MessageSource messages;
    private final Formats formats;

    ParticipationController(Participation participation, ParticipationReport report,
            MessageSource messages, Formats formats) {
        this.participation = participation;
        this.report = report;
        this.messages = messages;
        this.formats = formats;
    }

    @GetMapping("/institutions/{institutionId}/report.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal AulasUser me, @PathVariable String code,
            @PathVariable String institutionId, Locale locale) {
        byte[] pdf = report.render(me, code, institutionId, locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("participacion-" + code + ".pdf").build().toString()).body(pdf);
    }

    @PostMapping("/institutions/{institutionId}/publish")
    String publish(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String institutionId,
            Locale locale, RedirectAttributes redirect) {
        var document = report.publish(me, code, institutionId, locale);
        Flash.success(redirect, "participation.report.published", document.getCurrentVersion());
        return "redirect:/library/" + document.getId();
    }

    @GetMapping
    String programme(@AuthenticationPrincipal AulasUser me, @PathVariable String code,
            @RequestParam(defaultValue = "NAME") Participation.Sort sort, @RequestParam(defaultValue = "asc") String dir,
            Model model) {
        model.addAttribute("view", participation.programme(me, code, sort, dir.equals("desc")));
        model.addAttribute("sort", sort);
        model.addAttribute("dir", dir.equals("desc") ? "desc" : "asc");
        return "reports/programme";
    }

    @GetMapping("/institutions/{institutionId}")
    String institution(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String institutionId,
            Model model) {
        model.addAttribute("view", participation.institution(me, code, institutionId));
        return "reports/institution";
    }

    @GetMapping("/people/{accountId}")
    String person(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String accountId,
            Model model) {
        model.addAttribute("view", participation.person(me, code, accountId));
        return "reports/person";
    }

    @GetMapping("/export.{format:csv|xlsx}")
    void exportProgramme(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String format,
            Locale locale, HttpServletResponse response) throws IOException {
        Participation.ProgrammeView view = participation.programme(me, code, Participation.Sort.NAME, false);
        List<String> header = new ArrayList<>(List.of(msg("gradebook.institution", locale), msg("participation.enrolled", locale)));
        view.sessions().forEach(s -> header.add(session(s, locale)));
        header.addAll(List.of(msg("participation.overall", locale), msg("participation.submitted", locale),
                msg("participation.approved", locale), msg("participation.posts", locale)));
        view.types().forEach(t -> header.add(msg("participation.eligibleFor", locale, msg(t.key(), locale))));
        view.types().forEach(t -> header.add(msg("participation.issuedOf", locale, msg(t.key(), locale))));
        view.types().forEach(t -> header.add(msg("participation.revokedOf", locale, msg(t.key(), locale))));
        List<List<String>> rows = new ArrayList<>();
        for (Participation.Line line : view.lines()) {
            rows.add(row(line, line.name(), view.types()));
        }
        rows.add(row(view.totals(), msg("participation.totals", locale), view.types()));
        write(response, format, "participacion-" + code, header, rows);
    }

    @GetMapping("/institutions/{institutionId}/export.{format:csv|xlsx}")
    void exportInstitution(@AuthenticationPrincipal AulasUser me, @PathVariable String code,
            @PathVariable String institutionId, @PathVariable String format, Locale locale, HttpServletResponse response)
            throws IOException {
        Participation.InstitutionView view = participation.institution(me, code, institutionId);
        List<String> header = new ArrayList<>(List.of(msg("account.fullName", locale), msg("account.dni", locale)));
        view.sessions().forEach(s -> header.add(session(s, locale)));
        header.addAll(List.of(msg("participation.overall", locale), msg("participation.submitted", locale),
                msg("participation.approved", locale), msg("participation.posts", locale)));
        view.types().forEach(t -> header.add(msg(t.key(), locale)));
        view.types().forEach(t -> header.add(msg("participation.issuedOf", locale, msg(t.key(), locale))));
        List<List<String>> rows = new ArrayList<>();
        for (Participation.Person p : view.people()) {
            List<String> row = new ArrayList<>(List.of(p.participant().account().getFullName(),
                    String.valueOf(p.participant().account().getDniFormatted() == null ? ""
                            : p.participant().account().getDniFormatted())));
            for (AttendanceStatus s : p.statuses()) {
                row.add(s == null ? "" : msg("attendance.status." + s, locale));
            }
            row.addAll(List.of(plain(p.rate()), String.valueOf(p.submitted()), String.valueOf(p.approved()),
                    String.valueOf(p.posts())));
            view.types().forEach(t -> row.add(msg(p.eligibility().get(t).state().key(), locale)));
            view.types().forEach(t -> {
                Certificate c = p.certificates().get(t);
                row.add(c == null ? "" : c.getStatus() == Certificate.Status.REVOKED
                        ? c.getNumber() + " · " + msg("participation.revokedOn", locale, formats.date(c.getRevokedAt()))
                        : c.getNumber());
            });
            rows.add(row);
        }
        write(response, format, "participacion-" + code + "-" + view.institution().getCode(), header, rows);
    }

    private static List<String> row(Participation.Line line, String name, List<CertificateType> types) {
        List<String> row = new ArrayList<>(List.of(name, String.valueOf(line.enrolled())));
        line.perSession().forEach(r -> row.add(plain(r)));
        row.addAll(List.of(plain(line.overall()), String.valueOf(line.submitted()), String.valueOf(line.approved()),
                String.valueOf(line.posts())));
        types.forEach(t -> row.add(String.valueOf(line.eligible().getOrDefault(t, 0L))));
        types.forEach(t -> row.add(String.valueOf(line.issued().getOrDefault(t, 0L))));
        types.forEach(t -> row.add(String.valueOf(line.revoked().getOrDefault(t, 0L))));
        return row;
    }

    private String session(AttendanceSession s, Locale locale) {
        return s.getNumber() > 1 ? msg("participation.sessionN", locale, s.getModuleNumber(), s.getNumber())
                : msg("module.number", locale, s.getModuleNumber());
    }

    private static void write(HttpServletResponse response, String format, String name, List<String> header,
            List<List<String>> rows) throws IOException {
        response.setContentType(format.equals("csv") ? "text/csv;charset=UTF-8" : XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name + "." + format).build().toString());
        if (format.equals("csv")) {
            SheetExport.csv(response.getOutputStream(), header, rows);
        } else {
            SheetExport.xlsx(response.getOutputStream(), "Participación", header, rows);
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
