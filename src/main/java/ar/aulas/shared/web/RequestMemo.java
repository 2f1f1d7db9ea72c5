package ar.aulas.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What one page reads several times (a course home asks for the person's enrolment four times and for their
 * attendance records twice, from different features), read once per request. Only for GET requests, which
 * do not write: anything else, and code running outside a request, reads every time.
 */
public final class RequestMemo {

    private static final Object NONE = new Object();

    private RequestMemo() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T get(String key, Supplier<T> read) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet) || !isRead(servlet.getRequest())) {
            return read.get();
        }
        String name = RequestMemo.class.getName() + ":" + key;
        Object kept = attributes.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
        if (kept != null) {
            return kept == NONE ? null : (T) kept;
        }
        T value = read.get();
        attributes.setAttribute(name, value == null ? NONE : value, RequestAttributes.SCOPE_REQUEST);
        return value;
    }

    private static boolean isRead(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }
}
