package ar.aulas.notifications.web;

import ar.aulas.accounts.AulasUser;
import ar.aulas.notifications.Notifications;
import ar.aulas.shared.web.Flash;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The bell's list: each notification opens its page and is marked read on the way. */
@Controller
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal AulasUser me, Model model) {
        model.addAttribute("notifications", notifications.latest(me));
        return "notifications/list";
    }

    @PostMapping("/notifications/{id}")
    String open(@AuthenticationPrincipal AulasUser me, @PathVariable String id) {
        return "redirect:" + notifications.open(me, id);
    }

    @PostMapping("/notifications/read")
    String readAll(@AuthenticationPrincipal AulasUser me, RedirectAttributes redirect) {
        Flash.success(redirect, "notifications.allRead", notifications.markAllRead(me));
        return "redirect:/notifications";
    }
}
