package ar.aulas.accounts.web;

import ar.aulas.shared.jobs.InstanceName;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One line per request: method, path, status, time, the account id and the instance that served it. Never the
 * query string, parameters or body, so no password or DNI reaches the log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLogFilter extends OncePerRequestFilter {

    /** Set by the security chain to the account id of the request's user. */
    public static final String USER_ATTRIBUTE = "aulas.userId";

    private static final Logger log = LoggerFactory.getLogger("aulas.requests");

    private final String instance;

    public RequestLogFilter(InstanceName instance) {
        this.instance = instance.value();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/img/")
                || path.startsWith("/js/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            Object user = request.getAttribute(USER_ATTRIBUTE);
            if (log.isInfoEnabled()) {
                log.info("{} {} {} {}ms user={} instance={}", request.getMethod(), request.getRequestURI(),
                        response.getStatus(), (System.nanoTime() - start) / 1_000_000, user == null ? "-" : user,
                        instance);
            }
        }
    }
}
