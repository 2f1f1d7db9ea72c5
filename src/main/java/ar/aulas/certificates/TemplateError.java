package ar.aulas.certificates;

import java.util.Arrays;

/** A problem in a certificate template: the file, where in it (e.g. "texts[3].text"), and a message key. */
public record TemplateError(String file, String where, String key, Object... args) {

    @Override
    public String toString() {
        return file + (where == null ? "" : " (" + where + ")") + ": " + key + " " + Arrays.toString(args);
    }
}
