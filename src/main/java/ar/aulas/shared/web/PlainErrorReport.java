package ar.aulas.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import jakarta.servlet.http.Cookie;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * The page Tomcat itself answers with when a request never reaches Aulas (a malformed path, an
 * encoded slash): Aulas's words in the person's language (the language cookie, Spanish by default)
 * instead of Tomcat's English report. Nothing of the request is echoed.
 */
public class PlainErrorReport extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        Locale locale = english(request) ? Locale.ENGLISH : Locale.forLanguageTag("es-AR");
        // no fallback to the JVM's default locale: Spanish is the base bundle
        ResourceBundle messages = ResourceBundle.getBundle("messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String title = text(messages, status >= 500 ? "error.5xx.title" : "error.4xx.title");
        String body = text(messages, status >= 500 ? "error.5xx.text" : "error.4xx.text");
        String home = text(messages, "error.backHome");
        try {
            response.setContentType("text/html");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("<!DOCTYPE html><html lang=\"" + (locale == Locale.ENGLISH ? "en" : "es-AR")
                        + "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, "
                        + "initial-scale=1\"><title>" + title + " · Aulas</title></head><body style=\"font-family:"
                        + "system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#212529\"><main>"
                        + "<p>" + status + "</p><h1>" + title + "</h1><p>" + body + "</p><p><a href=\"/\" style=\"color:"
                        + "#0a58ca\">" + home + "</a></p></main></body></html>");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone: nothing more to say
        }
    }

    private static boolean english(Request request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if ("aulas-lang".equals(cookie.getName())) {
                    return cookie.getValue() != null && cookie.getValue().startsWith("en");
                }
            }
        }
        return false;
    }

    /** Our own texts, made safe for HTML all the same. */
    private static String text(ResourceBundle messages, String key) {
        try {
            return messages.getString(key).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
