package ar.aulas.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ar.aulas.accounts.web.RequestLogFilter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At every request, the session's person is checked against their account: a deactivated account
 * or a changed password ends the session; changed roles, coordination scope, institution, name or
 * email replace the session's copy, so a demotion or a promotion applies at once, in every session.
 * One lookup by id of a few fields per request.
 */
class ActiveAccountFilter extends OncePerRequestFilter {

    private final AccountRepository accounts;
    private final SecurityContextRepository contexts;

    ActiveAccountFilter(AccountRepository accounts, SecurityContextRepository contexts) {
        this.accounts = accounts;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityContext context = SecurityContextHolder.getContext();
        Authentication auth = context.getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AulasUser user) {
            Optional<Account> account = accounts.findStatusById(user.id());
            if (account.isEmpty() || !stillValid(account.get(), user)) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(request.getContextPath() + "/login?ended");
                return;
            }
            if (!user.sameAuthorityAs(account.get())) {
                AulasUser current = new AulasUser(account.get());
                current.eraseCredentials();
                SecurityContext replaced = SecurityContextHolder.createEmptyContext();
                replaced.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(current, null,
                        current.getAuthorities()));
                SecurityContextHolder.setContext(replaced);
                contexts.saveContext(replaced, request, response);
            }
            request.setAttribute(RequestLogFilter.USER_ATTRIBUTE, user.id());
        }
        chain.doFilter(request, response);
    }

    private static boolean stillValid(Account account, AulasUser user) {
        return account.isActive()
                && Objects.equals(truncate(account.getPasswordChangedAt()), truncate(user.passwordChangedAt()));
    }

    // The store keeps milliseconds; the session copy may carry nanoseconds.
    private static Long truncate(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
