package ar.aulas.shared.web;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * A request that could not reach the store (it is down, or unreachable) gets a 503 page saying so, in the person's
 * language, with {@code Retry-After}; nothing of it needs the store, so it renders while the store is away. Outside the
 * session filter, so a session that cannot be read or saved ends here too. The next request after the store is back is
 * served as usual.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class StoreUnavailablePage extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(StoreUnavailablePage.class);
    static final int RETRY_AFTER_SECONDS = 30;

    private final MessageSource messages;
    private final LocaleResolver locales;

    StoreUnavailablePage(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!storeUnreachable(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("{} {}: the store does not answer ({})", request.getMethod(), request.getRequestURI(),
                    e.getClass().getSimpleName());
            write(request, response);
        }
    }

    static boolean storeUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MongoTimeoutException || t instanceof MongoSocketException
                    || t instanceof DataAccessResourceFailureException) {
                return true;
            }
        }
        return false;
    }

    private void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = locales.resolveLocale(request);
        boolean english = "en".equals(locale.getLanguage());
        String title = text("error.store.title", locale);
        String body = text("error.store.text", locale);
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        if (request.getHeader("Accept") != null && request.getHeader("Accept").contains("application/json")
                && !request.getHeader("Accept").contains("text/html")) {
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"estado\":\"NO_DISPONIBLE\",\"mensaje\":\"" + json(title) + "\"}");
            return;
        }
        String context = request.getContextPath();
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html>\n<html lang=\"" + (english ? "en" : "es-AR") + "\">\n<head>\n"
                + "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + " · Aulas</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + context + "/webjars/bootstrap/css/bootstrap.min.css\">\n"
                + "<link rel=\"stylesheet\" href=\"" + context + "/css/aulas.css\">\n</head>\n<body>\n"
                + "<main class=\"container py-5 text-center\">\n<p class=\"display-4 text-body-secondary\">503</p>\n"
                + "<h1 class=\"h2\">" + escape(title) + "</h1>\n<p class=\"lead\">"
                + escape(body) + "</p>\n<a class=\"btn btn-primary\" href=\""
                + escape(context + request.getRequestURI().substring(context.length())) + "\">"
                + escape(text("error.store.retry", locale)) + "</a>\n</main>\n</body>\n</html>\n");
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
