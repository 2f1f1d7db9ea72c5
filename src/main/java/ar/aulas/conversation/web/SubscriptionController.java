package ar.aulas.conversation.web;

import ar.aulas.accounts.AulasUser;
import ar.aulas.conversation.Subscription;
import ar.aulas.conversation.Subscriptions;
import ar.aulas.shared.web.Flash;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a person hears of new posts: per space or thread, in their account, and the one-click unsubscribe link of every
 * debate mail, which works without logging in (its token is the authority).
 */
@Controller
class SubscriptionController {

    private final Subscriptions subscriptions;

    SubscriptionController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @PostMapping("/courses/{code}/subscriptions")
    String choose(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @RequestParam String target,
            @RequestParam Subscription.Mode mode, @RequestParam String back, RedirectAttributes redirect) {
        subscriptions.choose(me, code, target, mode);
        Flash.success(redirect, "subscription.saved." + mode);
        return "redirect:" + (back.startsWith("/courses/" + code + "/") ? back : "/courses/" + code);
    }

    @GetMapping("/account/conversation")
    String preferences(@AuthenticationPrincipal AulasUser me, Model model) {
        model.addAttribute("none", subscriptions.mailsNone(me));
        return "conversation/preferences";
    }

    @PostMapping("/account/conversation")
    String setPreferences(@AuthenticationPrincipal AulasUser me, @RequestParam boolean none, RedirectAttributes redirect) {
        subscriptions.setNone(me, none);
        Flash.success(redirect, none ? "subscription.none.saved" : "subscription.digest.saved");
        return "redirect:/account/conversation";
    }

    @GetMapping("/unsubscribe")
    Object confirm(@RequestParam(name = "t", defaultValue = "") String token, Model model) {
        Optional<Subscriptions.Unsubscribe> what = subscriptions.describe(token);
        if (what.isEmpty()) {
            return new ResponseEntity<>("", HttpStatus.NOT_FOUND);
        }
        model.addAttribute("what", what.get());
        model.addAttribute("done", false);
        return "conversation/unsubscribe";
    }

    /** A mail program's one-click POST (RFC 8058) or the page's button; no session, no CSRF token: the token decides. */
    @PostMapping("/unsubscribe")
    Object unsubscribe(@RequestParam(name = "t", defaultValue = "") String token, Model model) {
        Optional<Subscriptions.Unsubscribe> what = subscriptions.unsubscribe(token);
        if (what.isEmpty()) {
            return new ResponseEntity<>("", HttpStatus.NOT_FOUND);
        }
        model.addAttribute("what", what.get());
        model.addAttribute("done", true);
        return "conversation/unsubscribe";
    }
}
