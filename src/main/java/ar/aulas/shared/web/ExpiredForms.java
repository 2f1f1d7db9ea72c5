package ar.aulas.shared.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * A form posted after its session ended (or with a token that no longer matches) is not lost: what was
 * typed is kept ({@link PendingForm}), the person logs in again if they must, and lands back on the
 * form with it. That is done for the forms where long work is typed (an exercise answer, a grade with
 * its feedback, a roll call, a post, a convocatoria); any other refusal is the usual 403 page.
 */
public final class ExpiredForms implements AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(ExpiredForms.class);
    private static final SessionFlashMapManager FLASH = new SessionFlashMapManager();

    private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!(denied instanceof CsrfException) || !"POST".equals(request.getMethod()) || !sameOrigin(request)
                || !restorable(request)) {
            otherwise.handle(request, response, denied);
            return;
        }
        PendingForm.Data kept = PendingForm.keep(request);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean loggedIn = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        log.info("Form posted to {} with an ended session or an old token: {} field(s) kept", kept.page(),
                kept.fields().size());
        if (!loggedIn) {
            response.sendRedirect(request.getContextPath() + "/login?expired");
            return;
        }
        FlashMap flash = new FlashMap();
        flash.put("flash", new Flash.Message("warning", "form.expired", new Object[0]));
        FLASH.saveOutputFlashMap(flash, request, response);
        response.sendRedirect(request.getContextPath() + kept.page());
    }

    /** The forms whose pages show what was typed again (each posts to its own page). */
    private static final Pattern RESTORABLE = Pattern.compile(
            "/courses/[^/]+/(modules/\\d+/exercises/[^/]+|grading/[^/]+|modules/\\d+/attendance"
            + "|debates/\\d+|teams/[^/]+|questions|threads/[^/]+|posts/[^/]+/edit|announcements)"
            + "|/library/(new|[0-9a-f]{24}/edit)");

    static boolean restorable(HttpServletRequest request) {
        return RESTORABLE.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    /**
     * Only a form posted from Aulas's own pages is kept: a post from another site (a CSRF attempt) must not
     * plant text in someone's form. Browsers send {@code Origin} with every POST; {@code Referer} is the fallback.
     */
    static boolean sameOrigin(HttpServletRequest request) {
        String source = request.getHeader("Origin");
        if (source == null || source.isBlank() || "null".equals(source)) {
            source = request.getHeader("Referer");
        }
        if (source == null || source.isBlank()) {
            return false;
        }
        try {
            URI uri = URI.create(source.strip());
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return request.getServerName().equalsIgnoreCase(uri.getHost()) && request.getServerPort() == port;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Where to go after logging in: the waiting form's page, if any. */
    public static String afterLogin(HttpServletRequest request) {
        return PendingForm.waitingPage(request);
    }
}
