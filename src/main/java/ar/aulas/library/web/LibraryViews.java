package ar.aulas.library.web;

import ar.aulas.courses.Material;
import ar.aulas.library.LibraryFiles;

/** Helpers the library's pages call. */
public final class LibraryViews {

    private LibraryViews() {
    }

    /** Whether the browser opens the file in place (PDF and images; anything else downloads). */
    public static boolean inline(Material.StoredFile file) {
        return file != null && LibraryFiles.INLINE.contains(file.contentType());
    }
}
