package ar.aulas.exercises.web;

import ar.aulas.accounts.AulasUser;
import ar.aulas.courses.CourseCatalog;
import ar.aulas.exercises.ExerciseRefused;
import ar.aulas.exercises.Gradebook;
import ar.aulas.exercises.Grading;
import ar.aulas.exercises.Submission;
import ar.aulas.exercises.SubmissionArchive;
import ar.aulas.exercises.SubmissionReminders;
import ar.aulas.shared.Markdown;
import ar.aulas.shared.export.SheetExport;
import ar.aulas.shared.web.Errors;
import ar.aulas.shared.web.Flash;
import ar.aulas.shared.web.FormDrafts;
import ar.aulas.shared.web.Formats;
import ar.aulas.shared.web.PendingForm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Trainers: the grading queue, the grading page and the gradebook with its exports. */
@Controller
class GradingController {

    private final Grading grading;
    private final Gradebook gradebook;
    private final MessageSource messages;
    private final SubmissionArchive archive;
    private final CourseCatalog catalog;
    private final SubmissionReminders reminders;
    private final FormDrafts drafts;
    private final Markdown markdown;

    GradingController(Grading grading, Gradebook gradebook, MessageSource messages, SubmissionArchive archive,
            CourseCatalog catalog, SubmissionReminders reminders,
            FormDrafts drafts, Markdown markdown) {
        this.drafts = drafts;
        this.markdown = markdown;
        this.catalog = catalog;
        this.reminders = reminders;
        this.archive = archive;
        this.grading = grading;
        this.gradebook = gradebook;
        this.messages = messages;
    }

    @GetMapping("/grading")
    String overview(@AuthenticationPrincipal AulasUser me, Model model) {
        model.addAttribute("pending", grading.pending(me, catalog.coursesOf(me)));
        return "exercises/overview";
    }

    @GetMapping("/courses/{code}/submissions")
    String courseQueue(@AuthenticationPrincipal AulasUser me, @PathVariable String code,
            @RequestParam(required = false) String institution, @RequestParam(required = false) Submission.Status status,
            @RequestParam(required = false) Boolean late, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("queue", grading.courseQueue(me, code, institution, status, late, page));
        model.addAttribute("institution", institution);
        model.addAttribute("status", status);
        model.addAttribute("late", late);
        model.addAttribute("statuses", Submission.Status.values());
        return "exercises/course-queue";
    }

    @GetMapping("/courses/{code}/modules/{module}/exercises/{slug}/submissions")
    String queue(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable int module,
            @PathVariable String slug, @RequestParam(required = false) String institution,
            @RequestParam(required = false) Submission.Status status, @RequestParam(required = false) Boolean late,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("queue", grading.queue(me, code, module, slug, institution, status, late, page));
        // "Todos" is everyone expected to submit: those who have not are listed too, and can be written to
        model.addAttribute("missing", reminders.missing(me, code, module, slug, institution));
        if (!model.containsAttribute("reminder")) {
            model.addAttribute("reminder", reminders.defaultMessage(me, code, module, slug, LocaleContextHolder.getLocale()));
        }
        model.addAttribute("institution", institution);
        model.addAttribute("status", status);
        model.addAttribute("late", late);
        model.addAttribute("statuses", Submission.Status.values());
        return "exercises/queue";
    }

    @PostMapping("/courses/{code}/modules/{module}/exercises/{slug}/remind")
    String remind(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable int module,
            @PathVariable String slug, @RequestParam(required = false) String institution,
            @RequestParam(required = false) String message, RedirectAttributes redirect) {
        String back = "redirect:/courses/" + code + "/modules/" + module + "/exercises/" + slug + "/submissions";
        try {
            int sent = reminders.remind(me, code, module, slug, institution, message);
            Flash.success(redirect, "reminder.sent", sent);
        } catch (ExerciseRefused e) {
            redirect.addFlashAttribute("reminder", message);
            Flash.error(redirect, e.messageKey(), e.args());
        }
        if (institution != null && !institution.isBlank()) {
            redirect.addAttribute("institution", institution);
        }
        return back + "#missing";
    }

    @GetMapping("/courses/{code}/modules/{module}/exercises/{slug}/submissions.zip")
    ResponseEntity<StreamingResponseBody> zip(@AuthenticationPrincipal AulasUser me, @PathVariable String code,
            @PathVariable int module, @PathVariable String slug) {
        SubmissionArchive.Writer writer = archive.prepare(me, code, module, slug);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(writer.fileName(),
                        StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(writer::writeTo);
    }

    @GetMapping("/courses/{code}/modules/{module}/exercises/{slug}/extensions")
    String extensions(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable int module,
            @PathVariable String slug, Model model) {
        model.addAttribute("page", grading.extensions(me, code, module, slug));
        return "exercises/extensions";
    }

    @PostMapping("/courses/{code}/modules/{module}/exercises/{slug}/extensions")
    String extend(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable int module,
            @PathVariable String slug, @RequestParam String ownerKey, @RequestParam(required = false) String until,
            RedirectAttributes redirect) {
        try {
            LocalDateTime date = until == null || until.isBlank() ? null : LocalDateTime.parse(until);
            grading.extend(me, code, module, slug, ownerKey, date);
            Flash.success(redirect, date == null ? "extension.removed" : "extension.granted");
        } catch (DateTimeParseException e) {
            Flash.error(redirect, "extension.badDate");
        } catch (ExerciseRefused e) {
            Flash.error(redirect, e.messageKey(), e.args());
        }
        return "redirect:/courses/" + code + "/modules/" + module + "/exercises/" + slug + "/extensions";
    }

    @PostMapping("/courses/{code}/modules/{module}/exercises/{slug}/release")
    String release(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable int module,
            @PathVariable String slug, RedirectAttributes redirect) {
        grading.release(me, code, module, slug);
        Flash.success(redirect, "grade.released");
        return "redirect:/courses/" + code + "/modules/" + module + "/exercises/" + slug + "/submissions";
    }

    @GetMapping("/courses/{code}/grading/{id}")
    String page(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String id, Model model,
            HttpServletRequest request, Locale locale) {
        Grading.Page page = grading.page(me, code, id);
        model.addAttribute("page", page);
        if (!model.containsAttribute("form")) {
            GradeForm form = new GradeForm();
            form.setVersion(page.submission().getVersion());
            Submission.Grade grade = page.submission().gradable().getGrade();
            if (grade != null) {
                form.setScore(grade.score() == null ? null : Formats.number(grade.score(), locale));
                form.setVerdict(grade.verdict());
                form.setFeedback(grade.feedbackMarkdown());
                form.setLevels(new ArrayList<>(grade.levels()));
            }
            Map<String, String> typed = PendingForm.take(request);
            restore(form, typed);
            if (typed == null) {
                // feedback saved while typing and never sent: offered again
                drafts.find(me.id(), "/courses/" + code + "/grading/" + id).filter(d -> d.fields().containsKey("feedback")
                        && !d.fields().get("feedback").equals(form.getFeedback() == null ? "" : form.getFeedback()))
                        .ifPresent(d -> {
                            form.setFeedback(d.fields().get("feedback"));
                            model.addAttribute("restoredDraft", d);
                        });
            }
            model.addAttribute("form", form);
        }
        model.addAttribute("verdicts", Submission.Verdict.values());
        model.addAttribute("history", GradeHistory.of(page.submission(), page.exercise(), page.people(), messages,
                LocaleContextHolder.getLocale()));
        return "exercises/grading";
    }

    @PostMapping("/courses/{code}/grading/{id}")
    String save(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String id,
            @ModelAttribute("form") GradeForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Grading.Outcome outcome;
        try {
            outcome = grading.save(me, code, id, form.toForm());
        } catch (ExerciseRefused e) {
            Errors.reject(result, e);
            return page(me, code, id, model, null, LocaleContextHolder.getLocale());
        }
        if (outcome instanceof Grading.Conflict conflict) {
            model.addAttribute("page", grading.page(me, code, id));
            model.addAttribute("conflict", conflict);
            // both versions whole: the feedback tried is shown rendered as the saved one is
            String tried = conflict.attempted().feedback();
            model.addAttribute("mineHtml", tried == null || tried.isBlank() ? "" : markdown.toSafeHtml(tried));
            model.addAttribute("mineScore", Grading.scoreOf(((Grading.Page) model.getAttribute("page")).exercise(), conflict.attempted()));
            return "exercises/conflict";
        }
        Grading.Saved saved = (Grading.Saved) outcome;
        drafts.discard(me.id(), "/courses/" + code + "/grading/" + id);
        if (form.isNext() && saved.nextId() != null) {
            Flash.success(redirect, "grade.saved");
            return "redirect:/courses/" + code + "/grading/" + saved.nextId();
        }
        Flash.success(redirect, form.isNext() ? "grade.savedNoneLeft" : "grade.saved");
        return "redirect:/courses/" + code + "/grading/" + id;
    }

    /** Score, result, feedback and rubric levels typed before the session ended; the version stays the stored one. */
    private static void restore(GradeForm form, Map<String, String> typed) {
        if (typed == null) {
            return;
        }
        form.setScore(typed.getOrDefault("score", form.getScore()));
        form.setFeedback(typed.getOrDefault("feedback", form.getFeedback()));
        try {
            if (typed.containsKey("verdict")) {
                form.setVerdict(Submission.Verdict.valueOf(typed.get("verdict")));
            }
            List<Integer> levels = new ArrayList<>();
            for (int i = 0; typed.containsKey("levels[" + i + "]") && i < 100; i++) {
                levels.add(Integer.valueOf(typed.get("levels[" + i + "]")));
            }
            if (!levels.isEmpty()) {
                form.setLevels(levels);
            }
        } catch (IllegalArgumentException e) {
            // a value no form of Aulas sends: the rest is still shown
        }
    }

    @GetMapping("/courses/{code}/gradebook")
    String gradebook(@AuthenticationPrincipal AulasUser me, @PathVariable String code, Model model) {
        model.addAttribute("table", gradebook.table(me, code));
        return "exercises/gradebook";
    }

    @GetMapping("/courses/{code}/gradebook.csv")
    void csv(@AuthenticationPrincipal AulasUser me, @PathVariable String code, Locale locale,
            HttpServletResponse response) throws IOException {
        Gradebook.Table table = gradebook.table(me, code);
        attachment(response, "text/csv;charset=UTF-8", "calificaciones-" + code + ".csv");
        SheetExport.csv(response.getOutputStream(), header(table, locale), rows(table, locale));
    }

    @GetMapping("/courses/{code}/gradebook.xlsx")
    void xlsx(@AuthenticationPrincipal AulasUser me, @PathVariable String code, Locale locale,
            HttpServletResponse response) throws IOException {
        Gradebook.Table table = gradebook.table(me, code);
        attachment(response, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "calificaciones-" + code + ".xlsx");
        SheetExport.xlsx(response.getOutputStream(), code, header(table, locale), rows(table, locale));
    }

    private static void attachment(HttpServletResponse response, String type, String name) {
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString());
    }

    private List<String> header(Gradebook.Table table, Locale locale) {
        List<String> header = new ArrayList<>(List.of(msg("gradebook.institution", locale),
                msg("account.fullName", locale), msg("account.dni", locale)));
        table.exercises().forEach(e -> {
            header.add(msg("module.number", locale, e.getModuleNumber()) + " · " + e.getTitle());
            header.add(msg("gradebook.score", locale));
        });
        table.extra().forEach(x -> header.add(messages.getMessage(x.key(), x.args(), locale)));
        header.add(msg("gradebook.final", locale));
        return header;
    }

    private List<List<String>> rows(Gradebook.Table table, Locale locale) {
        List<List<String>> rows = new ArrayList<>();
        for (Gradebook.Line line : table.lines()) {
            List<String> row = new ArrayList<>(List.of(line.institutionName(), line.person().getFullName(),
                    line.person().getDniFormatted() == null ? "" : line.person().getDniFormatted()));
            for (Gradebook.Cell cell : line.cells()) {
                row.add(cell.status() == null ? msg("exercise.status.NOT_STARTED", locale)
                        : msg("submission.status." + cell.status(), locale));
                row.add(cell.score());
            }
            table.extra().forEach(x -> row.add(x.of(line.person().getId())));
            row.add(msg("gradebook.final." + line.result(), locale));
            rows.add(row);
        }
        return rows;
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
