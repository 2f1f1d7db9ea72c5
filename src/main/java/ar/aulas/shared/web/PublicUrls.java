package ar.aulas.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * How people reach Aulas, for every link that leaves a page: mails, the projected check-in QR and the
 * QR printed in certificates (permanent: a PDF is never regenerated). The one reader of
 * {@code aulas.web.public-base-url} ({@code AULAS_PUBLIC_BASE_URL}; the older
 * {@code aulas.accounts.public-base-url} still works). On a real MongoDB it is required and the app
 * refuses to start without it; on the embedded demo, when unset, links follow the host of the request
 * being served (forwarded headers honoured from trusted proxies), or of the last one for background
 * work, so a phone on the same network can follow them. Only a logged-in person's request counts: an
 * anonymous one (a password-reset request with a forged Host header) never chooses where links point.
 */
@Component
public class PublicUrls extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PublicUrls.class);

    private final String configured;
    private volatile String lastSeen;

    PublicUrls(Environment env) {
        String url = env.getProperty("aulas.web.public-base-url");
        if (!StringUtils.hasText(url)) {
            url = env.getProperty("aulas.accounts.public-base-url");
        }
        this.configured = StringUtils.hasText(url) ? url.strip().replaceAll("/+$", "") : null;
        boolean realMongo = StringUtils.hasText(env.getProperty("spring.mongodb.uri"))
                || StringUtils.hasText(env.getProperty("spring.mongodb.host"));
        if (configured == null && realMongo && env.getProperty("aulas.web.require-public-base-url", Boolean.class, true)) {
            throw new IllegalStateException("Set aulas.web.public-base-url (AULAS_PUBLIC_BASE_URL) to the address people use "
                    + "to reach Aulas, e.g. https://aulas.example.gob.ar: it is printed in every certificate's QR code "
                    + "and in every link sent by mail.");
        }
        this.lastSeen = "http://localhost:" + env.getProperty("server.port", "8080");
        if (configured == null) {
            log.warn("aulas.web.public-base-url is not set: links follow the host of each request (fine for the embedded "
                    + "demo; set it for real use, since certificates print it in their QR code)");
        }
    }

    /** The base URL (no trailing slash) to put in front of a path. */
    public String base() {
        if (configured != null) {
            return configured;
        }
        HttpServletRequest request = current();
        return request == null || !loggedIn() ? lastSeen : fromRequest(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (configured == null && loggedIn()) {
            lastSeen = fromRequest(request);
        }
        chain.doFilter(request, response);
    }

    private static boolean loggedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    private static HttpServletRequest current() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    private static String fromRequest(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString()
                .replaceAll("/+$", "");
    }
}
