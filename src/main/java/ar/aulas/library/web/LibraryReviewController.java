package ar.aulas.library.web;

import ar.aulas.accounts.AulasUser;
import ar.aulas.library.LibraryCollections;
import ar.aulas.library.LibraryLinks;
import ar.aulas.library.LibraryReading;
import ar.aulas.library.LibraryRefused;
import ar.aulas.library.LibraryReview;
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

/** A librarian's work: the proposals to review, approving or returning one, restoring a version, archiving; purging (admins). */
@Controller
@RequestMapping("/library")
class LibraryReviewController {

    private final LibraryReview review;
    private final LibraryReading reading;
    private final LibraryCollections collections;
    private final LibraryLinks links;

    LibraryReviewController(LibraryReview review, LibraryReading reading, LibraryCollections collections,
            LibraryLinks links) {
        this.collections = collections;
        this.links = links;
        this.review = review;
        this.reading = reading;
    }

    @GetMapping("/review")
    String queue(@AuthenticationPrincipal AulasUser me, Model model) {
        model.addAttribute("queue", review.queue(me));
        return "library/review";
    }

    @PostMapping("/{id}/approve")
    String approve(@AuthenticationPrincipal AulasUser me, @PathVariable String id, RedirectAttributes redirect) {
        return done(redirect, id, () -> Flash.success(redirect, "library.approved", review.approve(me, id).getTitle()));
    }

    @PostMapping("/{id}/return")
    String giveBack(@AuthenticationPrincipal AulasUser me, @PathVariable String id, @RequestParam(required = false) String reason,
            Model model, RedirectAttributes redirect) {
        try {
            Flash.success(redirect, "library.returned", review.giveBack(me, id, reason).getTitle());
            return "redirect:/library/" + id;
        } catch (LibraryRefused e) {
            model.addAttribute("page", reading.page(me, id));
            model.addAttribute("returnError", e);
            model.addAttribute("typedReason", reason);
            model.addAttribute("inCollections", collections.of(id));
            model.addAttribute("collections", collections.all());
            model.addAttribute("uses", links.uses(id));
            model.addAttribute("places", links.places());
            return "library/document";
        }
    }

    @PostMapping("/{id}/versions/{number}/restore")
    String restore(@AuthenticationPrincipal AulasUser me, @PathVariable String id, @PathVariable int number,
            RedirectAttributes redirect) {
        return done(redirect, id, () -> Flash.success(redirect, "library.restored", number,
                review.restore(me, id, number).getNumber()));
    }

    @PostMapping("/{id}/archive")
    String archive(@AuthenticationPrincipal AulasUser me, @PathVariable String id, RedirectAttributes redirect) {
        return done(redirect, id, () -> Flash.success(redirect, "library.archived", review.archive(me, id).getTitle()));
    }

    @PostMapping("/{id}/purge")
    String purge(@AuthenticationPrincipal AulasUser me, @PathVariable String id, RedirectAttributes redirect) {
        try {
            review.purge(me, id);
            Flash.success(redirect, "library.purged");
            return "redirect:/library";
        } catch (LibraryRefused e) {
            Flash.error(redirect, e.messageKey(), e.args());
            return "redirect:/library/" + id;
        }
    }

    private static String done(RedirectAttributes redirect, String id, Runnable action) {
        try {
            action.run();
        } catch (LibraryRefused e) {
            Flash.error(redirect, e.messageKey(), e.args());
        }
        return "redirect:/library/" + id;
    }
}
