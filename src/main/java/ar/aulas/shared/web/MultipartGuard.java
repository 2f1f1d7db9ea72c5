package ar.aulas.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Parses a multipart request before anything reads its parameters (the CSRF check does), so a file
 * name with a NUL byte gets the 400 page and a request over the servlet's size limit goes back to its
 * form with a message, instead of an exception thrown from inside a filter (a 500). Uploads within
 * the limit go on as usual.
 */
@Configuration(proxyBeanMethods = false)
class MultipartGuard {

    private static final Logger log = LoggerFactory.getLogger(MultipartGuard.class);

    static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().contains("SizeLimitExceeded") || t.getClass().getSimpleName().contains("SizeException")) {
                return true;
            }
        }
        return false;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> multipartGuardFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String type = request.getContentType();
                return !"POST".equals(request.getMethod()) || type == null
                        || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    request.getParts();
                } catch (RuntimeException | ServletException e) {
                    if (tooLarge(e)) {
                        log.info("A multipart {} over the size limit: sent back to its form", request.getRequestURI());
                        UploadLimits.sendBack(request, response);
                        return;
                    }
                    log.info("400 for a multipart {}: {}", request.getRequestURI(),
                            ClientErrors.isInvalidFileName(e) ? "file name with a NUL byte" : e.getClass().getSimpleName());
                    response.sendError(400);
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        // before Spring Security (whose filters start at -100)
        registration.setOrder(-200);
        return registration;
    }
}
