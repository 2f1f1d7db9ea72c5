package ar.aulas.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Objects;
import ar.aulas.accounts.web.RequestLogFilter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the session of a person whose account was deactivated, or whose password changed since
 * they logged in, at their next request. One indexed lookup of two fields per request.
 */
class ActiveAccountFilter extends OncePerRequestFilter {

    private final AccountRepository accounts;

    ActiveAccountFilter(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AulasUser user && !stillValid(user)) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/login?ended");
            return;
        }
        if (auth != null && auth.getPrincipal() instanceof AulasUser user) {
            request.setAttribute(RequestLogFilter.USER_ATTRIBUTE, user.id());
        }
        chain.doFilter(request, response);
    }

    private boolean stillValid(AulasUser user) {
        return accounts.findStatusById(user.id())
                .filter(Account::isActive)
                .filter(a -> Objects.equals(truncate(a.getPasswordChangedAt()), truncate(user.passwordChangedAt())))
                .isPresent();
    }

    // The store keeps milliseconds; the session copy may carry nanoseconds.
    private static Long truncate(java.time.Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
