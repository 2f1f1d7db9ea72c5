package ar.aulas.courses.web;

import ar.aulas.accounts.AulasUser;
import ar.aulas.courses.CourseCatalog;
import ar.aulas.courses.CourseFiles;
import ar.aulas.courses.CourseSearch;
import ar.aulas.courses.PlaceDocuments;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The course pages people read. Every lookup goes through CourseAccess (404 for what one may not see). */
@Controller
class CourseController {

    private final CourseCatalog catalog;
    private final CourseSearch search;
    private final CourseFiles files;
    private final ObjectProvider<PlaceDocuments> places;

    CourseController(CourseCatalog catalog, CourseSearch search, CourseFiles files,
            ObjectProvider<PlaceDocuments> places) {
        this.places = places;
        this.catalog = catalog;
        this.search = search;
        this.files = files;
    }

    @GetMapping("/courses")
    String courses(@AuthenticationPrincipal AulasUser me, Model model) {
        model.addAttribute("courses", catalog.coursesOf(me));
        return "courses/list";
    }

    @GetMapping("/courses/{code}")
    String home(@AuthenticationPrincipal AulasUser me, @PathVariable String code, Model model) {
        model.addAttribute("home", catalog.home(me, code));
        return "courses/home";
    }

    @GetMapping("/courses/{code}/modules/{number}")
    String module(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable int number,
            Model model) {
        model.addAttribute("page", catalog.module(me, code, number));
        model.addAttribute("related", PlaceDocuments.of(places, me, code, number,
                PlaceDocuments.MODULE));
        if (!model.containsAttribute("materialForm")) {
            model.addAttribute("materialForm", new MaterialForm());
        }
        return "courses/module";
    }

    @GetMapping("/courses/{code}/modules/{number}/readings/{slug}")
    String reading(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable int number,
            @PathVariable String slug, Model model) {
        model.addAttribute("page", catalog.reading(me, code, number, slug));
        return "courses/reading";
    }

    @PostMapping("/courses/{code}/modules/{number}/readings/{slug}/read")
    String markRead(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable int number,
            @PathVariable String slug) {
        catalog.markRead(me, code, number, slug);
        return "redirect:/courses/" + code + "/modules/" + number + "/readings/" + slug + "#read";
    }

    @GetMapping("/courses/{code}/search")
    String search(@AuthenticationPrincipal AulasUser me, @PathVariable String code,
            @RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("home", catalog.home(me, code));
        model.addAttribute("q", q);
        model.addAttribute("hits", search.search(me, code, q));
        return "courses/search";
    }

    /** The one download path for attachments and materials. */
    @GetMapping("/courses/{code}/files/{fileId}")
    ResponseEntity<InputStreamResource> download(@AuthenticationPrincipal AulasUser me, @PathVariable String code,
            @PathVariable String fileId) {
        return files.open(me, code, fileId).asAttachment();
    }
}
