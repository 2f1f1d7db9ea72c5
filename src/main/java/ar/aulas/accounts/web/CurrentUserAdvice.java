package ar.aulas.accounts.web;

import ar.aulas.accounts.AulasUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the logged-in person in every model as {@code me} (null when anonymous) for the layout. */
@ControllerAdvice
class CurrentUserAdvice {

    @ModelAttribute("me")
    AulasUser me(@AuthenticationPrincipal AulasUser user) {
        return user;
    }
}
