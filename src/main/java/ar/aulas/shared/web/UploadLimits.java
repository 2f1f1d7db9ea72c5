package ar.aulas.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * A request larger than the server accepts never reaches a controller: the person is sent back to
 * the page of the form with a message that nothing was saved (whether the limit was met by
 * {@link MultipartGuard} before the filters, or by Spring's multipart resolver).
 */
@ControllerAdvice
class UploadLimits {

    private static final SessionFlashMapManager FLASH = new SessionFlashMapManager();

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request, HttpServletResponse response) {
        flash(request, response);
        return "redirect:" + back(request);
    }

    static void sendBack(HttpServletRequest request, HttpServletResponse response) throws IOException {
        flash(request, response);
        response.sendRedirect(request.getContextPath() + back(request));
    }

    private static void flash(HttpServletRequest request, HttpServletResponse response) {
        FlashMap flash = new FlashMap();
        flash.put("flash", new Flash.Message("danger", "upload.requestTooLarge", new Object[0]));
        FLASH.saveOutputFlashMap(flash, request, response);
    }

    /** The page the form was on (the Referer, when it is ours), else the form's own page. */
    static String back(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                URI uri = URI.create(referer);
                if (request.getServerName().equalsIgnoreCase(uri.getHost()) && uri.getRawPath() != null
                        && uri.getRawPath().startsWith("/") && !uri.getRawPath().startsWith("//")) {
                    String path = uri.getRawPath().substring(request.getContextPath().length());
                    return path.isEmpty() ? "/" : path;
                }
            } catch (IllegalArgumentException e) {
                // not a URL: use the path below
            }
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String back = path.replaceAll("/materials(/[^/]+/edit)?$", "");
        return back.startsWith("/courses/") || back.equals("/imports/participants") ? back : "/";
    }
}
