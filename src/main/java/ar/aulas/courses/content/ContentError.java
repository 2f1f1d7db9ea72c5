package ar.aulas.courses.content;

import java.util.Arrays;

/**
 * One problem found in the course files: the file (relative to courses/), the line when known,
 * and a message key with its arguments, so it can be shown in the reader's language.
 */
public record ContentError(String file, Integer line, String key, Object... args) {

    @Override
    public String toString() {
        return file + (line == null ? "" : ":" + line) + " " + key + " " + Arrays.toString(args);
    }
}
