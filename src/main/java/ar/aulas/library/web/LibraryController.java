package ar.aulas.library.web;

import ar.aulas.accounts.AulasUser;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.library.LibraryAccess;
import ar.aulas.library.LibraryCatalog;
import ar.aulas.library.LibraryCollections;
import ar.aulas.library.LibraryContributions;
import ar.aulas.library.LibraryDocument;
import ar.aulas.library.LibraryLinks;
import ar.aulas.library.LibraryReading;
import ar.aulas.library.LibraryRefused;
import ar.aulas.library.LibraryReview;
import ar.aulas.library.LibraryVersion;
import ar.aulas.shared.web.Errors;
import ar.aulas.shared.web.Flash;
import ar.aulas.shared.web.NotFoundException;
import ar.aulas.shared.web.PendingForm;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The library for people logged in: search, a document's page and files, adding and editing documents. */
@Controller
@RequestMapping("/library")
class LibraryController {

    private final LibraryCatalog catalog;
    private final LibraryReading reading;
    private final LibraryContributions contributions;
    private final LibraryReview review;
    private final LibraryAccess access;
    private final InstitutionDirectory institutions;
    private final LibraryCollections collections;
    private final LibraryLinks links;

    LibraryController(LibraryCatalog catalog, LibraryReading reading, LibraryContributions contributions, LibraryReview review,
            LibraryAccess access, InstitutionDirectory institutions, LibraryCollections collections,
            LibraryLinks links) {
        this.collections = collections;
        this.links = links;
        this.catalog = catalog;
        this.reading = reading;
        this.contributions = contributions;
        this.review = review;
        this.access = access;
        this.institutions = institutions;
    }

    @GetMapping
    String search(@AuthenticationPrincipal AulasUser me, @ModelAttribute("search") SearchForm form, Model model) {
        model.addAttribute("results", catalog.search(me, form.toSearch()));
        model.addAttribute("librarian", access.librarian(me));
        model.addAttribute("waiting", review.waiting(me));
        model.addAttribute("mine", contributions.mine(me));
        model.addAttribute("collections", collections.all());
        return "library/index";
    }

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal AulasUser me, Model model, HttpServletRequest request) {
        if (!model.containsAttribute("libraryForm")) {
            // typed before the session ended: shown again
            model.addAttribute("libraryForm", LibraryForm.restored(PendingForm.take(request)));
        }
        return form(me, model, null);
    }

    @PostMapping("/new")
    String add(@AuthenticationPrincipal AulasUser me, @ModelAttribute("libraryForm") LibraryForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(me, model, null);
        }
        try {
            LibraryDocument d = contributions.add(me, form.toDetails(),
                    new LibraryContributions.Content(form.getFile(), form.getUrl(), form.getNote()));
            Flash.success(redirect, d.isPublished() ? "library.published" : "library.proposed", d.getTitle());
            return "redirect:/library/" + d.getId();
        } catch (LibraryRefused e) {
            Errors.reject(result, e);
            return form(me, model, null);
        }
    }

    @GetMapping("/{id}")
    String document(@AuthenticationPrincipal AulasUser me, @PathVariable String id, Model model) {
        model.addAttribute("page", reading.page(me, id));
        return document(id, model);
    }

    /** The document's page with the collections it is in and where it is used (and, for curators, what they can add). */
    private String document(String id, Model model) {
        model.addAttribute("inCollections", collections.of(id));
        model.addAttribute("collections", collections.all());
        model.addAttribute("uses", links.uses(id));
        LibraryReading.Page page = (LibraryReading.Page) model.getAttribute("page");
        model.addAttribute("places", page != null && page.librarian() ? links.places() : List.of());
        return "library/document";
    }

    @PostMapping("/{id}/links")
    String link(@AuthenticationPrincipal AulasUser me, @PathVariable String id, @RequestParam(required = false) String place,
            RedirectAttributes redirect) {
        try {
            links.link(me, id, place == null ? "" : place);
            Flash.success(redirect, "library.link.added");
        } catch (LibraryRefused e) {
            Flash.error(redirect, e.messageKey(), e.args());
        }
        return "redirect:/library/" + id + "#uses";
    }

    @PostMapping("/{id}/links/{linkId}/remove")
    String unlink(@AuthenticationPrincipal AulasUser me, @PathVariable String id, @PathVariable String linkId,
            RedirectAttributes redirect) {
        links.unlink(me, id, linkId);
        Flash.success(redirect, "library.link.removed");
        return "redirect:/library/" + id + "#uses";
    }

    @GetMapping("/{id}/edit")
    String editForm(@AuthenticationPrincipal AulasUser me, @PathVariable String id, Model model,
            HttpServletRequest request) {
        LibraryReading.Page page = reading.page(me, id);
        if (!page.mayEdit()) {
            throw new NotFoundException();
        }
        LibraryForm form = LibraryForm.of(page.document());
        form.fill(PendingForm.take(request));
        model.addAttribute("libraryForm", form);
        return form(me, model, page.document());
    }

    @PostMapping("/{id}/edit")
    String edit(@AuthenticationPrincipal AulasUser me, @PathVariable String id, @ModelAttribute("libraryForm") LibraryForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        LibraryReading.Page page = reading.page(me, id);
        if (result.hasErrors()) {
            return form(me, model, page.document());
        }
        try {
            LibraryDocument d = contributions.edit(me, id, form.toDetails(), form.getVersion() == null ? -1 : form.getVersion());
            Flash.success(redirect, "library.edited", d.getTitle());
            return "redirect:/library/" + id;
        } catch (LibraryRefused e) {
            Errors.reject(result, e);
            return form(me, model, page.document());
        }
    }

    @PostMapping("/{id}/versions")
    String addVersion(@AuthenticationPrincipal AulasUser me, @PathVariable String id,
            @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String url,
            @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
        try {
            LibraryVersion v = contributions.addVersion(me, id, new LibraryContributions.Content(file, url, note));
            Flash.success(redirect, "library.versionAdded", v.getNumber());
            return "redirect:/library/" + id + "#versions";
        } catch (LibraryRefused e) {
            model.addAttribute("page", reading.page(me, id));
            model.addAttribute("versionError", e);
            model.addAttribute("typedUrl", url);
            model.addAttribute("typedNote", note);
            return document(id, model);
        }
    }

    @GetMapping("/{id}/file")
    ResponseEntity<InputStreamResource> current(@AuthenticationPrincipal AulasUser me, @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean view) {
        return reading.file(me, id, null, view);
    }

    @GetMapping("/{id}/versions/{number}/file")
    ResponseEntity<InputStreamResource> version(@AuthenticationPrincipal AulasUser me, @PathVariable String id,
            @PathVariable int number, @RequestParam(defaultValue = "false") boolean view) {
        return reading.file(me, id, number, view);
    }

    private String form(AulasUser me, Model model, LibraryDocument editing) {
        model.addAttribute("editing", editing);
        model.addAttribute("institutions", institutions.active());
        model.addAttribute("librarian", access.librarian(me));
        model.addAttribute("maxMb", contributions.maxFileMegabytes());
        return "library/form";
    }
}
