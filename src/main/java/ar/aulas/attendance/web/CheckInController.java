package ar.aulas.attendance.web;

import ar.aulas.accounts.AulasUser;
import ar.aulas.attendance.CheckIn;
import ar.aulas.shared.Refusal;
import ar.aulas.shared.web.Flash;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class CheckInController {

    private final CheckIn checkIn;

    CheckInController(CheckIn checkIn) {
        this.checkIn = checkIn;
    }

    /** The trainer opens the check-in window and is taken to the page to project. */
    @PostMapping("/courses/{code}/modules/{module}/attendance/check-in")
    String open(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable int module,
            @RequestParam(defaultValue = "1") int session, RedirectAttributes redirect) {
        try {
            checkIn.open(me, code, module, session);
        } catch (Refusal refused) {
            Flash.error(redirect, refused.messageKey(), refused.args());
            return "redirect:/courses/" + code + "/modules/" + module + "/attendance?session=" + session;
        }
        return "redirect:/courses/" + code + "/modules/" + module + "/attendance/check-in?session=" + session;
    }

    /** The projected page: the code and its QR, refreshed every 30 seconds without JavaScript. */
    @GetMapping("/courses/{code}/modules/{module}/attendance/check-in")
    String display(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable int module,
            @RequestParam(defaultValue = "1") int session, Model model) {
        model.addAttribute("display", checkIn.display(me, code, module, session));
        model.addAttribute("code", code);
        return "attendance/check-in-display";
    }

    @GetMapping("/check-in")
    String form(@RequestParam(name = "c", defaultValue = "") String typed, Model model) {
        model.addAttribute("typed", typed);
        return "attendance/check-in";
    }

    @PostMapping("/check-in")
    String checkIn(@AuthenticationPrincipal AulasUser me, @RequestParam(defaultValue = "") String code,
            RedirectAttributes redirect) {
        try {
            CheckIn.Result result = checkIn.checkIn(me, code);
            Flash.success(redirect, "checkIn.done." + result.status(), result.session().getModuleNumber());
        } catch (Refusal e) {
            Flash.error(redirect, e.messageKey(), e.args());
            // the form comes back with what was typed, to correct it
            String typed = code.strip();
            if (!typed.isEmpty()) {
                redirect.addAttribute("c", typed.length() > 20 ? typed.substring(0, 20) : typed);
            }
        }
        return "redirect:/check-in";
    }
}
