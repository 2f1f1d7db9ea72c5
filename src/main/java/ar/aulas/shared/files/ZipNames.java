package ar.aulas.shared.files;

import java.text.Normalizer;

/** Names of the entries of the ZIPs Aulas writes: every segment safe on every system and unable to climb out of its folder. */
public final class ZipNames {

    private ZipNames() {
    }

    /**
     * One folder or file name: letters (accented too), digits, space, dot, dash and underscore are
     * kept, anything else becomes '_'; leading dots and spaces too (no "..", no hidden file); at most 120
     * characters; never empty.
     */
    public static String segment(String name) {
        String s = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFC)
                .replaceAll("[^\\p{L}\\p{N}._ -]+", "_").strip();
        s = s.replaceAll("\\.{2,}", "_").replaceAll("^[. ]+", "_");
        if (s.length() > 120) {
            s = s.substring(0, 120).strip();
        }
        return s.isEmpty() ? "_" : s;
    }
}
