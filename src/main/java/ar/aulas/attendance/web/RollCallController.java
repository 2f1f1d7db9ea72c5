package ar.aulas.attendance.web;

import ar.aulas.accounts.AulasUser;
import ar.aulas.attendance.AttendanceStatus;
import ar.aulas.attendance.RollCall;
import ar.aulas.attendance.SignInSheet;
import ar.aulas.shared.Refusal;
import ar.aulas.shared.web.Flash;
import ar.aulas.shared.web.PendingForm;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
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

/** Roll call of an encounter (the course's trainers). Form fields: {@code status[accountId]}, {@code reason[accountId]}. */
@Controller
@RequestMapping("/courses/{code}/modules/{module}/attendance")
class RollCallController {

    private final RollCall rollCall;
    private final SignInSheet sheet;

    RollCallController(RollCall rollCall, SignInSheet sheet) {
        this.rollCall = rollCall;
        this.sheet = sheet;
    }

    @GetMapping
    String roster(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable int module,
            @RequestParam(defaultValue = "1") int session, Model model, HttpServletRequest request) {
        RollCall.Roster roster = rollCall.roster(me, code, module, session);
        // marks and reasons chosen before the session ended, shown again until saved
        model.addAttribute("restored", PendingForm.take(request));
        model.addAttribute("roster", roster);
        model.addAttribute("sessions", rollCall.sessionsOf(me, code, module));
        model.addAttribute("statuses", AttendanceStatus.values());
        model.addAttribute("hasCome", rollCall.hasCome(me, code, roster.session()));
        return "attendance/roll-call";
    }

    /** Adds a session to the encounter (no number) or edits one. */
    @PostMapping("/sessions")
    String schedule(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable int module,
            @RequestParam(required = false) Integer number, @RequestParam(required = false) String date,
            @RequestParam(required = false) String start, @RequestParam(required = false) String end,
            @RequestParam(required = false) String venue, RedirectAttributes redirect) {
        try {
            var saved = rollCall.schedule(me, code, module, number, parse(date, LocalDate::parse),
                    parse(start, LocalTime::parse), parse(end, LocalTime::parse), venue);
            Flash.success(redirect, "attendance.session.saved");
            return "redirect:/courses/" + code + "/modules/" + module + "/attendance?session=" + saved.getNumber();
        } catch (Refusal e) {
            Flash.error(redirect, e.messageKey(), e.args());
            return "redirect:/courses/" + code + "/modules/" + module + "/attendance"
                    + (number == null ? "" : "?session=" + number);
        }
    }

    private static <T> T parse(String text, Function<String, T> parser) {
        try {
            return text == null || text.isBlank() ? null : parser.apply(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @PostMapping
    String save(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable int module,
            @RequestParam(defaultValue = "1") int session, @RequestParam Map<String, String> params,
            RedirectAttributes redirect) {
        Map<String, AttendanceStatus> marks = new HashMap<>();
        Map<String, String> reasons = new HashMap<>();
        try {
            params.forEach((name, value) -> {
                if (name.startsWith("status[") && name.endsWith("]") && !value.isBlank()) {
                    try {
                        marks.put(name.substring(7, name.length() - 1), AttendanceStatus.valueOf(value));
                    } catch (IllegalArgumentException e) {
                        throw new Refusal(null, "attendance.unknownStatus", value);
                    }
                } else if (name.startsWith("reason[") && name.endsWith("]")) {
                    reasons.put(name.substring(7, name.length() - 1), value);
                }
            });
            int changed = rollCall.save(me, code, module, session, marks, reasons);
            Flash.success(redirect, "attendance.saved", changed);
        } catch (Refusal e) {
            Flash.error(redirect, e.messageKey(), e.args());
        }
        return "redirect:/courses/" + code + "/modules/" + module + "/attendance?session=" + session;
    }

    @GetMapping("/sheet.pdf")
    ResponseEntity<byte[]> sheet(@AuthenticationPrincipal AulasUser me, @PathVariable String code,
            @PathVariable int module, @RequestParam(defaultValue = "1") int session, Locale locale) {
        byte[] pdf = sheet.render(me, code, module, session, locale);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("planilla-" + code + "-encuentro-" + module + ".pdf").build().toString())
                .contentType(MediaType.APPLICATION_PDF).body(pdf);
    }

    /** "Todos presentes" asks first, naming how many people it would mark; {@code confirmed} marks them. */
    @PostMapping("/all-present")
    String allPresent(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable int module,
            @RequestParam(defaultValue = "1") int session, @RequestParam(defaultValue = "false") boolean confirmed,
            Model model, RedirectAttributes redirect) {
        try {
            if (!confirmed) {
                model.addAttribute("confirmAllPresent", rollCall.unmarked(me, code, module, session));
                return roster(me, code, module, session, model, null);
            }
            Flash.success(redirect, "attendance.allPresentDone", rollCall.allPresent(me, code, module, session));
        } catch (Refusal e) {
            Flash.error(redirect, e.messageKey(), e.args());
        }
        return "redirect:/courses/" + code + "/modules/" + module + "/attendance?session=" + session;
    }
}
