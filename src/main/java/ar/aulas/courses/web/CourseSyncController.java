package ar.aulas.courses.web;

import ar.aulas.courses.CourseSync;
import ar.aulas.courses.SyncReport;
import ar.aulas.shared.web.Flash;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Sincronizar cursos" (ADMIN only, under /admin/**): the last report per folder and the button. */
@Controller
@RequestMapping("/admin/courses")
class CourseSyncController {

    private final CourseSync sync;

    CourseSyncController(CourseSync sync) {
        this.sync = sync;
    }

    @GetMapping
    String reports(Model model) {
        model.addAttribute("reports", sync.lastReports());
        model.addAttribute("root", sync.root().toAbsolutePath().normalize());
        return "courses/sync";
    }

    @PostMapping("/sync")
    String syncNow(RedirectAttributes redirect) {
        List<SyncReport> reports = sync.syncAll();
        long rejected = reports.stream().filter(SyncReport::rejected).count();
        if (rejected > 0) {
            Flash.error(redirect, "sync.rejected", rejected);
        } else {
            Flash.success(redirect, "sync.done", reports.size());
        }
        return "redirect:/admin/courses";
    }
}
