package ar.aulas.library.web;

import ar.aulas.library.LibraryCatalog;
import ar.aulas.library.LibraryReading;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The library's public face, without login: documents published as public, with no personal data. */
@Controller
@RequestMapping("/public/library")
class PublicLibraryController {

    private final LibraryCatalog catalog;
    private final LibraryReading reading;

    PublicLibraryController(LibraryCatalog catalog, LibraryReading reading) {
        this.catalog = catalog;
        this.reading = reading;
    }

    @GetMapping
    String search(@ModelAttribute("search") SearchForm form, Model model) {
        model.addAttribute("results", catalog.search(null, form.toSearch()));
        return "library/public-index";
    }

    @GetMapping("/{id}")
    String document(@PathVariable String id, Model model) {
        model.addAttribute("page", reading.publicPage(id));
        return "library/public-document";
    }

    @GetMapping("/{id}/file")
    ResponseEntity<InputStreamResource> file(@PathVariable String id, @RequestParam(defaultValue = "false") boolean view) {
        return reading.file(null, id, null, view);
    }
}
