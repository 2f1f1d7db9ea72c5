package ar.aulas.exercises;

import ar.aulas.accounts.AulasUser;
import ar.aulas.courses.DeclaredExercise;
import ar.aulas.shared.Markdown;
import ar.aulas.shared.web.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/** The course's trainers edit an exercise; from then on the course files no longer overwrite it. */
@Service
public class ExerciseSettings {

    public record Settings(long version, String title, String instructions, LocalDateTime opens, LocalDateTime due,
            LocalDateTime cutoff, Exercise.Mode mode, Exercise.Scale scale, BigDecimal maxScore, BigDecimal passMark,
            boolean allowText, boolean allowFiles, int maxFiles, int maxFileMb, boolean releaseImmediately,
            String rubric) {
    }

    /**
     * The rubric as trainers type it, one criterion per line:
     * {@code Criterio | Nivel=puntos: descripción | Otro nivel=puntos}.
     */
    public static String format(List<DeclaredExercise.Criterion> rubric) {
        StringBuilder text = new StringBuilder();
        for (DeclaredExercise.Criterion c : rubric) {
            text.append(c.name());
            for (DeclaredExercise.Level l : c.levels()) {
                text.append(" | ").append(l.name()).append('=').append(l.points().stripTrailingZeros().toPlainString());
                if (l.description() != null && !l.description().isBlank()) {
                    text.append(": ").append(l.description());
                }
            }
            text.append('\n');
        }
        return text.toString();
    }

    static List<DeclaredExercise.Criterion> parseRubric(String text) {
        List<DeclaredExercise.Criterion> rubric = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return rubric;
        }
        String[] lines = text.split("\\R");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\|");
            String name = parts[0].strip();
            if (name.isEmpty() || parts.length < 2) {
                throw new ExerciseRefused("rubric", "exercise.rubric.line", n + 1);
            }
            List<DeclaredExercise.Level> levels = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                String part = parts[i].strip();
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw new ExerciseRefused("rubric", "exercise.rubric.line", n + 1);
                }
                String levelName = part.substring(0, eq).strip();
                String rest = part.substring(eq + 1);
                int colon = rest.indexOf(':');
                String points = (colon < 0 ? rest : rest.substring(0, colon)).strip().replace(',', '.');
                String description = colon < 0 ? null : rest.substring(colon + 1).strip();
                try {
                    BigDecimal value = new BigDecimal(points);
                    if (value.signum() < 0) {
                        throw new NumberFormatException();
                    }
                    levels.add(new DeclaredExercise.Level(levelName, value, description));
                } catch (NumberFormatException e) {
                    throw new ExerciseRefused("rubric", "exercise.rubric.points", n + 1, points);
                }
            }
            rubric.add(new DeclaredExercise.Criterion(name, levels));
        }
        return rubric;
    }

    private final ExerciseAccess access;
    private final ExerciseRepository exercises;
    private final SubmissionRepository submissions;
    private final Markdown markdown;

    private final ApplicationEventPublisher events;



    ExerciseSettings(ExerciseAccess access, ExerciseRepository exercises, SubmissionRepository submissions,
            Markdown markdown, ApplicationEventPublisher events) {
        this.events = events;
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

    /** Grades given with the rubric refer to its levels by position: once used, it cannot change. */
    private boolean rubricUsed(Exercise exercise) {
        return submissions.findByExerciseId(exercise.getId()).stream()
                .flatMap(sub -> sub.getAttempts().stream())
                .anyMatch(a -> a.getGrade() != null && !a.getGrade().levels().isEmpty());
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
        List<DeclaredExercise.Criterion> rubric = parseRubric(s.rubric());
        if (!rubric.isEmpty()) {
            if (s.scale() != Exercise.Scale.POINTS) {
                throw new ExerciseRefused("rubric", "exercise.rubric.needsPoints");
            }
            BigDecimal total = rubric.stream().map(DeclaredExercise.Criterion::maxPoints)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (total.compareTo(s.maxScore()) != 0) {
                throw new ExerciseRefused("rubric", "exercise.rubric.total", total.stripTrailingZeros().toPlainString(),
                        s.maxScore().stripTrailingZeros().toPlainString());
            }
        }
        if (!rubric.equals(exercise.getRubric()) && rubricUsed(exercise)) {
            throw new ExerciseRefused("rubric", "exercise.rubric.locked");
        }
        if (exercise.getVersion() != null && exercise.getVersion() != s.version()) {
            throw new ExerciseRefused(null, "form.conflict");
        }
        exercise.define(s.title().strip(), s.instructions(), markdown.toSafeHtml(s.instructions()), s.opens(), s.due(),
                s.cutoff(), s.scale(), s.scale() == Exercise.Scale.POINTS ? s.maxScore() : null,
                s.scale() == Exercise.Scale.POINTS ? s.passMark() : null, s.mode(), s.allowText(), s.allowFiles());
        exercise.settings(s.releaseImmediately(), s.maxFiles(), s.maxFileMb());
        exercise.rubric(rubric);
        exercise.markEditedInUi();
        try {
            Exercise saved = exercises.save(exercise);
            // title, scale and team or individual work change every participant's marks
            events.publishEvent(new ExerciseChanged(saved.getCourseCode(), saved.getId()));
            return saved;
        } catch (OptimisticLockingFailureException e) {
            throw new ExerciseRefused(null, "form.conflict");
        }
    }
}
