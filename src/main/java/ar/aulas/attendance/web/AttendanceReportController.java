package ar.aulas.attendance.web;

import ar.aulas.accounts.AulasUser;
import ar.aulas.attendance.AttendanceReport;
import ar.aulas.attendance.AttendanceStatus;
import ar.aulas.attendance.RiskNotices;
import ar.aulas.shared.export.SheetExport;
import ar.aulas.shared.web.Flash;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The attendance of a course for trainers and coordinators, its exports and the at-risk notices. */
@Controller
@RequestMapping("/courses/{code}/attendance")
class AttendanceReportController {

    private final AttendanceReport reports;
    private final RiskNotices notices;
    private final MessageSource messages;

    AttendanceReportController(AttendanceReport reports, RiskNotices notices, MessageSource messages) {
        this.reports = reports;
        this.notices = notices;
        this.messages = messages;
    }

    @GetMapping
    String report(@AuthenticationPrincipal AulasUser me, @PathVariable String code, Model model) {
        model.addAttribute("report", reports.report(me, code));
        model.addAttribute("statuses", AttendanceStatus.values());
        return "attendance/report";
    }

    @PostMapping("/notify-at-risk")
    String notifyAtRisk(@AuthenticationPrincipal AulasUser me, @PathVariable String code,
            @RequestParam(defaultValue = "false") boolean copyCoordinators, RedirectAttributes redirect) {
        Flash.success(redirect, "attendance.risk.notified", notices.notifyAtRisk(me, code, copyCoordinators));
        return "redirect:/courses/" + code + "/attendance";
    }

    @GetMapping("/export.csv")
    void csv(@AuthenticationPrincipal AulasUser me, @PathVariable String code, Locale locale,
            HttpServletResponse response) throws IOException {
        AttendanceReport.Report report = reports.report(me, code);
        attachment(response, "text/csv;charset=UTF-8", "asistencia-" + code + ".csv");
        SheetExport.csv(response.getOutputStream(), header(report, locale), rows(report, locale));
    }

    @GetMapping("/export.xlsx")
    void xlsx(@AuthenticationPrincipal AulasUser me, @PathVariable String code, Locale locale,
            HttpServletResponse response) throws IOException {
        AttendanceReport.Report report = reports.report(me, code);
        attachment(response, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "asistencia-" + code + ".xlsx");
        SheetExport.xlsx(response.getOutputStream(), code, header(report, locale), rows(report, locale));
    }

    private static void attachment(HttpServletResponse response, String type, String name) {
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString());
    }

    private List<String> header(AttendanceReport.Report report, Locale locale) {
        List<String> header = new ArrayList<>(List.of(msg("gradebook.institution", locale), msg("account.fullName", locale),
                msg("account.dni", locale)));
        report.sessions().forEach(s -> header.add(msg("module.number", locale, s.getModuleNumber())));
        header.add(msg("attendance.rateHeader", locale));
        header.add(msg("attendance.riskHeader", locale));
        return header;
    }

    private List<List<String>> rows(AttendanceReport.Report report, Locale locale) {
        List<List<String>> rows = new ArrayList<>();
        for (AttendanceReport.Person p : report.people()) {
            List<String> row = new ArrayList<>(List.of(p.institutionName(), p.account().getFullName(),
                    p.account().getDniFormatted() == null ? "" : p.account().getDniFormatted()));
            p.statuses().forEach(s -> row.add(s == null ? "" : msg("attendance.status." + s, locale)));
            row.add(p.rate().percent() == null ? "" : p.rate().percent().toPlainString());
            row.add(msg("attendance.risk." + p.risk(), locale));
            rows.add(row);
        }
        return rows;
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
