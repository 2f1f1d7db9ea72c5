package ar.aulas.accounts;

import jakarta.servlet.DispatcherType;
import ar.aulas.shared.web.ExpiredForms;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/** Who may reach what. Object-level checks (whose submission, which institution) live in each feature's service. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, and able to verify any hash prefixed with another {id} later
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle throttle, AccountRepository accounts,
            @Qualifier("requestMappingHandlerMapping") HandlerMapping controllers) throws Exception {
        var success = new SavedRequestAwareAuthenticationSuccessHandler();
        var contexts = new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new HttpSessionSecurityContextRepository());
        success.setDefaultTargetUrl("/");
        http
            .authorizeHttpRequests(auth -> auth
                .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                .requestMatchers("/login", "/error", "/error/**", "/password/reset", "/setup").permitAll()
                .requestMatchers("/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/verificar", "/verificar/**", "/api/v1/certificados/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/verificar", "/verificar/archivo").permitAll()
                // the calendar feed authenticates by its secret, revocable token
                .requestMatchers(HttpMethod.GET, "/calendar/*.ics").permitAll()
                // a debate mail's one-click unsubscribe link authenticates by its signed token
                .requestMatchers("/unsubscribe").permitAll()
                .requestMatchers(HttpMethod.GET, "/public/library", "/public/library/**").permitAll()
                .requestMatchers(unmapped(controllers)).permitAll()
                .anyRequest().authenticated())
            .formLogin(form -> form
                .loginPage("/login")
                .successHandler((request, response, authentication) -> {
                    throttle.recordSuccess(request.getParameter("username"));
                    String waiting = ExpiredForms.afterLogin(request);
                    if (waiting != null) {
                        // back to the form whose session had ended, where what was typed is waiting
                        response.sendRedirect(request.getContextPath() + waiting);
                        return;
                    }
                    success.onAuthenticationSuccess(request, response, authentication);
                })
                .failureHandler(failureHandler(throttle))
                .permitAll())
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                .deleteCookies("JSESSIONID", SessionStoreConfiguration.COOKIE))
            .securityContext(context -> context.securityContextRepository(contexts))
            // mail programs post the one-click unsubscribe (RFC 8058) without a form token; the signed link is the check
            .csrf(csrf -> csrf.ignoringRequestMatchers("/unsubscribe"))
            .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(new ExpiredForms()))
            .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                        + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
                .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
            .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
            .addFilterAfter(new ActiveAccountFilter(accounts, contexts), SecurityContextHolderFilter.class);
        return http.build();
    }

    /**
     * A URL no controller answers gets the 404 page for everyone, instead of a login redirect;
     * static resources are matched above.
     */
    private static RequestMatcher unmapped(HandlerMapping controllers) {
        return request -> {
            Object previous = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
            ServletRequestPathUtils.parseAndCache(request);
            try {
                return controllers.getHandler(request) == null;
            } catch (Exception e) {
                return false; // e.g. the path exists for another HTTP method
            } finally {
                if (previous == null) {
                    ServletRequestPathUtils.clearParsedRequestPath(request);
                } else {
                    request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, previous);
                }
            }
        };
    }

    private static AuthenticationFailureHandler failureHandler(LoginThrottle throttle) {
        return (request, response, exception) -> {
            throttle.recordFailure(request.getParameter("username"), request.getRemoteAddr());
            response.sendRedirect(request.getContextPath() + "/login?error");
        };
    }
}
