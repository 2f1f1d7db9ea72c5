package ar.aulas.shared.web;

import java.util.List;
import java.util.Locale;

/** The languages offered in the UI, in the order shown. */
public class Languages {

    public List<String> codes() {
        return List.of("es", "en");
    }

    /** The value of {@code <html lang>} for a locale: es-AR or en. */
    public String htmlLang(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? "en" : "es-AR";
    }
}
