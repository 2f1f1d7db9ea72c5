package ar.aulas.library.web;

import ar.aulas.courses.Material;
import java.util.Set;

/** Helpers the library's pages call. */
public final class LibraryViews {

    private static final Set<String> INLINE = Set.of("application/pdf", "image/png", "image/jpeg");

    private LibraryViews() {
    }

    /** Whether the browser opens the file in place (PDF and images; anything else downloads). */
    public static boolean inline(Material.StoredFile file) {
        return file != null && INLINE.contains(file.contentType());
    }
}
