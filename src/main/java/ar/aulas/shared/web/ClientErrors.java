package ar.aulas.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Requests no form of Aulas could have sent (an index far beyond any list) get the 400 page in the
 * person's language, with one log line and no stack trace. (A file name with a NUL byte is answered
 * before the filters, by {@link MultipartGuard}.)
 */
@ControllerAdvice
class ClientErrors {

    private static final Logger log = LoggerFactory.getLogger(ClientErrors.class);
    static final String INVALID_FILE_NAME = "org.apache.tomcat.util.http.fileupload.InvalidFileNameException";

    @ExceptionHandler(InvalidPropertyException.class)
    ModelAndView badField(InvalidPropertyException e, HttpServletRequest request, HttpServletResponse response) {
        return badRequest(request, response, "field " + e.getPropertyName());
    }

    static boolean isInvalidFileName(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals(INVALID_FILE_NAME)) {
                return true;
            }
        }
        return false;
    }

    private static ModelAndView badRequest(HttpServletRequest request, HttpServletResponse response, String what) {
        log.info("400 for {} {}: {}", request.getMethod(), request.getRequestURI(), what);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        ModelAndView page = new ModelAndView("error/4xx");
        page.addObject("status", 400);
        page.setStatus(HttpStatus.BAD_REQUEST);
        return page;
    }
}
