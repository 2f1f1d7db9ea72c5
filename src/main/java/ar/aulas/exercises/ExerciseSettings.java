package ar.aulas.exercises;

import ar.aulas.accounts.AulasUser;
import ar.aulas.shared.Markdown;
import ar.aulas.shared.web.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/** The course's trainers edit an exercise; from then on the course files no longer overwrite it. */
@Service
public class ExerciseSettings {

    public record Settings(long version, String title, String instructions, LocalDateTime opens, LocalDateTime due,
            LocalDateTime cutoff, Exercise.Mode mode, Exercise.Scale scale, BigDecimal maxScore, BigDecimal passMark,
            boolean allowText, boolean allowFiles, int maxFiles, int maxFileMb, boolean releaseImmediately) {
    }

    private final ExerciseAccess access;
    private final ExerciseRepository exercises;
    private final SubmissionRepository submissions;
    private final Markdown markdown;

    ExerciseSettings(ExerciseAccess access, ExerciseRepository exercises, SubmissionRepository submissions,
            Markdown markdown) {
        this.access = access;
        this.exercises = exercises;
        this.submissions = submissions;
        this.markdown = markdown;
    }

    public Exercise editable(AulasUser user, String code, int module, String slug) {
        var scope = access.exercise(user, code, module, slug);
        if (!access.grades(user, scope.course())) {
            throw new NotFoundException();
        }
        return scope.exercise();
    }

    public Exercise save(AulasUser user, String code, int module, String slug, Settings s) {
        Exercise exercise = editable(user, code, module, slug);
        if (s.title() == null || s.title().isBlank()) {
            throw new ExerciseRefused("title", "exercise.title.required");
        }
        if (s.instructions() == null || s.instructions().isBlank()) {
            throw new ExerciseRefused("instructions", "exercise.instructions.required");
        }
        if (s.opens() == null) {
            throw new ExerciseRefused("opens", "exercise.date.required");
        }
        if (s.due() == null) {
            throw new ExerciseRefused("due", "exercise.date.required");
        }
        if (!s.due().isAfter(s.opens())) {
            throw new ExerciseRefused("due", "exercise.dueBeforeOpens");
        }
        if (s.cutoff() != null && s.cutoff().isBefore(s.due())) {
            throw new ExerciseRefused("cutoff", "exercise.cutoffBeforeDue");
        }
        if (s.mode() != exercise.getMode() && submissions.countByExerciseId(exercise.getId()) > 0) {
            throw new ExerciseRefused("mode", "exercise.modeLocked");
        }
        if (s.scale() == Exercise.Scale.POINTS) {
            if (s.maxScore() == null || s.maxScore().signum() <= 0) {
                throw new ExerciseRefused("maxScore", "exercise.maxScore.invalid");
            }
            if (s.passMark() == null || s.passMark().signum() < 0 || s.passMark().compareTo(s.maxScore()) > 0) {
                throw new ExerciseRefused("passMark", "exercise.passMark.invalid");
            }
        }
        if (!s.allowText() && !s.allowFiles()) {
            throw new ExerciseRefused("allowText", "exercise.noSubmissionType");
        }
        if (s.maxFiles() < 1 || s.maxFiles() > 20) {
            throw new ExerciseRefused("maxFiles", "exercise.maxFiles.invalid");
        }
        if (s.maxFileMb() < 1 || s.maxFileMb() > 25) {
            throw new ExerciseRefused("maxFileMb", "exercise.maxFileMb.invalid");
        }
        if (exercise.getVersion() != null && exercise.getVersion() != s.version()) {
            throw new ExerciseRefused(null, "form.conflict");
        }
        exercise.define(s.title().strip(), s.instructions(), markdown.toSafeHtml(s.instructions()), s.opens(), s.due(),
                s.cutoff(), s.scale(), s.scale() == Exercise.Scale.POINTS ? s.maxScore() : null,
                s.scale() == Exercise.Scale.POINTS ? s.passMark() : null, s.mode(), s.allowText(), s.allowFiles());
        exercise.settings(s.releaseImmediately(), s.maxFiles(), s.maxFileMb());
        exercise.markEditedInUi();
        try {
            return exercises.save(exercise);
        } catch (OptimisticLockingFailureException e) {
            throw new ExerciseRefused(null, "form.conflict");
        }
    }
}
