package ar.aulas.courses.web;

import ar.aulas.shared.web.Flash;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.support.RequestContextUtils;

/** A request larger than the server accepts never reaches a controller: say so clearly and go back. */
@ControllerAdvice
class UploadLimitAdvice {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request) {
        RequestContextUtils.getOutputFlashMap(request).put("flash",
                new Flash.Message("danger", "upload.requestTooLarge", new Object[0]));
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String back = path.replaceAll("/materials(/[^/]+/edit)?$", "");
        return "redirect:" + (back.startsWith("/courses/") ? back : "/");
    }
}
