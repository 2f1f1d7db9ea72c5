package ar.aulas.library.web;

import ar.aulas.accounts.AulasUser;
import ar.aulas.library.LibraryAccess;
import ar.aulas.library.LibraryCollection;
import ar.aulas.library.LibraryCollections;
import ar.aulas.library.LibraryRefused;
import ar.aulas.shared.web.Flash;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The library's curated collections: one collection's page, and the curators' changes to them. */
@Controller
@RequestMapping("/library/collections")
class LibraryCollectionController {

    private final LibraryCollections collections;
    private final LibraryAccess access;

    LibraryCollectionController(LibraryCollections collections, LibraryAccess access) {
        this.collections = collections;
        this.access = access;
    }

    @GetMapping("/{id}")
    String collection(@AuthenticationPrincipal AulasUser me, @PathVariable String id, Model model) {
        model.addAttribute("view", collections.view(me, id));
        model.addAttribute("librarian", access.librarian(me));
        return "library/collection";
    }

    @PostMapping
    String create(@AuthenticationPrincipal AulasUser me, @RequestParam(required = false) String title,
            @RequestParam(required = false) String description, RedirectAttributes redirect) {
        try {
            LibraryCollection c = collections.create(me, title, description);
            Flash.success(redirect, "library.collection.created", c.getTitle());
            return "redirect:/library/collections/" + c.getId();
        } catch (LibraryRefused e) {
            Flash.error(redirect, e.messageKey(), e.args());
            return "redirect:/library#collections";
        }
    }

    @PostMapping("/documents")
    String add(@AuthenticationPrincipal AulasUser me, @RequestParam(required = false) String collectionId,
            @RequestParam String documentId, RedirectAttributes redirect) {
        if (collectionId == null || collectionId.isBlank()) {
            Flash.error(redirect, "library.collection.choose");
            return "redirect:/library/" + documentId;
        }
        try {
            collections.add(me, collectionId, documentId);
            Flash.success(redirect, "library.collection.added");
        } catch (LibraryRefused e) {
            Flash.error(redirect, e.messageKey(), e.args());
        }
        return "redirect:/library/" + documentId;
    }

    @PostMapping("/{id}/documents/{documentId}/remove")
    String remove(@AuthenticationPrincipal AulasUser me, @PathVariable String id, @PathVariable String documentId) {
        collections.remove(me, id, documentId);
        return "redirect:/library/collections/" + id;
    }

    @PostMapping("/{id}/documents/{documentId}/move")
    String move(@AuthenticationPrincipal AulasUser me, @PathVariable String id, @PathVariable String documentId,
            @RequestParam int by) {
        collections.move(me, id, documentId, by);
        return "redirect:/library/collections/" + id;
    }
}
