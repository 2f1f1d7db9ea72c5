package ar.aulas.shared.web;

import java.io.Serializable;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Flash messages shown once by the layout after a redirect: a message key and its arguments. They travel in the
 * session, which may be kept in the store: a message and its arguments must be serializable (texts, numbers, dates).
 */
public final class Flash {

    public record Message(String level, String key, Object[] args) implements Serializable {
    }

    private Flash() {
    }

    public static void success(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute("flash", new Message("success", key, args));
    }

    public static void error(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute("flash", new Message("danger", key, args));
    }
}
