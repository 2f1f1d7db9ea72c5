package ar.aulas.notifications.web;

import ar.aulas.accounts.AulasUser;
import ar.aulas.notifications.Notifications;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The bell's count on every page of a logged-in person. */
@ControllerAdvice
class NotificationCountAdvice {

    private final Notifications notifications;

    NotificationCountAdvice(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("unreadNotifications")
    Long unread(@AuthenticationPrincipal AulasUser user) {
        return user == null ? null : notifications.unread(user);
    }
}
