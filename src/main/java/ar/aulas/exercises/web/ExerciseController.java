package ar.aulas.exercises.web;

import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.Role;
import ar.aulas.courses.CourseFiles;
import ar.aulas.courses.PlaceDocuments;
import ar.aulas.exercises.ExerciseAccess;
import ar.aulas.exercises.ExerciseRefused;
import ar.aulas.exercises.ExerciseRepository;
import ar.aulas.exercises.Submission;
import ar.aulas.exercises.SubmissionRepository;
import ar.aulas.exercises.SubmissionWork;
import ar.aulas.shared.web.Errors;
import ar.aulas.shared.web.Flash;
import ar.aulas.shared.web.FormDrafts;
import ar.aulas.shared.web.NotFoundException;
import ar.aulas.shared.web.PendingForm;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A participant's exercise page: instructions, draft, submit, receipt, attempts and feedback. */
@Controller
class ExerciseController {

    private final SubmissionWork work;
    private final SubmissionRepository submissions;
    private final ExerciseAccess access;
    private final CourseFiles files;
    private final ExerciseRepository exercises;
    private final FormDrafts drafts;

    private final ObjectProvider<PlaceDocuments> places;

    ExerciseController(SubmissionWork work, SubmissionRepository submissions, ExerciseAccess access, CourseFiles files,
            ExerciseRepository exercises, FormDrafts drafts,
            ObjectProvider<PlaceDocuments> places) {
        this.places = places;
        this.drafts = drafts;
        this.exercises = exercises;
        this.work = work;
        this.submissions = submissions;
        this.access = access;
        this.files = files;
    }

    @GetMapping("/courses/{code}/modules/{module}/exercises/{slug}")
    String page(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable int module,
            @PathVariable String slug, Model model, HttpServletRequest request) {
        SubmissionWork.View view = work.view(me, code, module, slug);
        model.addAttribute("view", view);
        if (!model.containsAttribute("form")) {
            SubmissionForm form = new SubmissionForm();
            form.setToken(UUID.randomUUID().toString());
            if (view.submission() != null) {
                form.setText(view.submission().current().getText());
            }
            // typed before the session ended: shown again, with the same token (a double submit stays one)
            Map<String, String> typed = PendingForm.take(request);
            if (typed != null) {
                form.setText(typed.getOrDefault("text", form.getText()));
                form.setToken(typed.getOrDefault("token", form.getToken()));
            } else if (view.canEdit()) {
                // saved while typing and never sent (a closed tab, a lost connection): offered again
                drafts.find(me.id(), page(code, module, slug)).filter(d -> d.fields().containsKey("text")
                        && !d.fields().get("text").equals(form.getText() == null ? "" : form.getText())).ifPresent(d -> {
                    form.setText(d.fields().get("text"));
                    model.addAttribute("restoredDraft", d);
                });
            }
            model.addAttribute("form", form);
        }
        model.addAttribute("grader", access.grades(me, view.course()));
        model.addAttribute("related", PlaceDocuments.of(places, me, code, module,
                PlaceDocuments.exercise(slug)));
        return "exercises/exercise";
    }

    @PostMapping("/courses/{code}/modules/{module}/exercises/{slug}")
    String save(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable int module,
            @PathVariable String slug, @ModelAttribute("form") SubmissionForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        try {
            Submission saved = work.save(me, code, module, slug, form.toWork());
            drafts.discard(me.id(), page(code, module, slug));
            if (form.isSubmitting()) {
                Flash.success(redirect, "submission.receipt", saved.current().getNumber());
                redirect.addFlashAttribute("receipt", Receipt.of(saved.current()));
            } else {
                Flash.success(redirect, "submission.draftSaved");
            }
            return "redirect:/courses/" + code + "/modules/" + module + "/exercises/" + slug;
        } catch (ExerciseRefused e) {
            Errors.reject(result, e);
            form.setToken(UUID.randomUUID().toString());
            return page(me, code, module, slug, model, null);
        }
    }

    private static String page(String code, int module, String slug) {
        return "/courses/" + code + "/modules/" + module + "/exercises/" + slug;
    }

    /** Submission files: the owner (or their team), the course's graders and coordinators allowed to see it. */
    @GetMapping("/courses/{code}/submissions/{id}/files/{fileId}")
    ResponseEntity<InputStreamResource> download(@AuthenticationPrincipal AulasUser me, @PathVariable String code,
            @PathVariable String id, @PathVariable String fileId) {
        var course = access.course(me, code);
        Submission submission = submissions.findById(id).filter(s -> s.getCourseCode().equals(course.getCode()))
                .filter(s -> access.seesSubmissionOf(me, course, s)).orElseThrow(NotFoundException::new);
        if (!submission.references(fileId)) {
            throw new NotFoundException();
        }
        // A participant gets feedback files only once the grade is visible to them.
        if (submission.isFeedbackFile(fileId) && !access.grades(me, course)
                && !me.has(Role.COORDINATOR)
                && !exercises.findById(submission.getExerciseId()).map(e -> e.gradesVisible()).orElse(false)) {
            throw new NotFoundException();
        }
        return files.openAuthorised(fileId).asAttachment();
    }
}
