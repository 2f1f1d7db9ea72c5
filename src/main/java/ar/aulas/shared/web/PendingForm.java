package ar.aulas.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What someone typed into a form that could not be accepted because their session had ended (or its
 * token no longer matched): kept in the browser's session until they are back on that form, which
 * then shows it again. Passwords, tokens and files are never kept.
 */
public final class PendingForm {

    static final String ATTRIBUTE = "aulas.pendingForm";
    private static final Duration KEPT = Duration.ofHours(2);
    private static final Set<String> NEVER = Set.of("_csrf", "password", "newPassword", "currentPassword", "confirmation");
    private static final int MAX_VALUE = 60_000;

    /** The form's page (path and query) and its fields. */
    public record Data(String page, Map<String, String> fields, Instant at) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    private PendingForm() {
    }

    /** Keeps the request's fields for the page it was posted to (the forms of Aulas post to their own page). */
    static Data keep(HttpServletRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!NEVER.contains(name) && values.length == 1 && values[0].length() <= MAX_VALUE) {
                fields.put(name, values[0]);
            }
        });
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String page = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        Data data = new Data(page, Map.copyOf(fields), Instant.now());
        request.getSession(true).setAttribute(ATTRIBUTE, data);
        return data;
    }

    /** The page to go back to after logging in, when a form is waiting there. */
    static String waitingPage(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ATTRIBUTE) instanceof Data data && fresh(data) ? data.page() : null;
    }

    /** The fields typed into this page's form, once: they are forgotten as soon as they are shown again. */
    public static Map<String, String> take(HttpServletRequest request) {
        HttpSession session = request == null ? null : request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Data data)) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String pagePath = data.page().contains("?") ? data.page().substring(0, data.page().indexOf('?')) : data.page();
        if (!path.equals(pagePath)) {
            return null;
        }
        session.removeAttribute(ATTRIBUTE);
        return fresh(data) ? data.fields() : null;
    }

    private static boolean fresh(Data data) {
        return data.at().plus(KEPT).isAfter(Instant.now());
    }
}
