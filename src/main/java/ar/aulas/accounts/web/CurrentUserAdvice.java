package ar.aulas.accounts.web;

import ar.aulas.accounts.AulasUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the logged-in person in every model as {@code me} (null when anonymous) for the layout. */
@ControllerAdvice
class CurrentUserAdvice {

    @ModelAttribute("me")
    AulasUser me(@AuthenticationPrincipal AulasUser user) {
        return user;
    }

    /** How long an idle session lasts, for the page's warning before it ends. */
    @ModelAttribute("sessionSeconds")
    Integer sessionSeconds(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getMaxInactiveInterval();
    }
}
