package ar.aulas.exercises;

import ar.aulas.courses.CourseContentSynced;
import ar.aulas.courses.CourseModule;
import ar.aulas.courses.CourseModuleRepository;
import ar.aulas.courses.DeclaredExercise;
import ar.aulas.shared.Markdown;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Turns the exercises declared in the course files into exercises people submit to. Only changed
 * declarations are written; exercises a trainer edited in the UI are left as they are; exercises
 * gone from the files are archived (their submissions are kept).
 */
@Component
class ExerciseSync {

    private final CourseModuleRepository modules;
    private final ExerciseRepository exercises;
    private final Markdown markdown;


    ExerciseSync(CourseModuleRepository modules, ExerciseRepository exercises, Markdown markdown) {
        this.modules = modules;
        this.exercises = exercises;
        this.markdown = markdown;
    }

    @EventListener
    // before the participation figures follow the course (they read what this writes)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(CourseContentSynced event) {
        Map<String, Exercise> existing = new HashMap<>();
        exercises.findByCourseCode(event.courseCode()).forEach(e -> existing.put(e.getId(), e));
        Set<String> declared = new HashSet<>();
        for (CourseModule module : modules.findByCourseCodeAndArchivedFalseOrderByNumberAsc(event.courseCode())) {
            for (DeclaredExercise d : module.getExercises()) {
                Exercise exercise = existing.getOrDefault(event.courseCode() + "/" + module.getNumber() + "/" + d.slug(),
                        new Exercise(event.courseCode(), module.getNumber(), d.slug()));
                declared.add(exercise.getId());
                String hash = Integer.toHexString(d.hashCode());
                if (exercise.isEditedInUi() || (Objects.equals(exercise.getSourceHash(), hash) && !exercise.isArchived())) {
                    continue;
                }
                exercise.define(d.title(), d.instructionsMarkdown(), markdown.toSafeHtml(d.instructionsMarkdown()),
                        d.opens(), d.due(), null, d.maxScore() == null ? Exercise.Scale.PASS_FAIL : Exercise.Scale.POINTS,
                        d.maxScore(), d.passMark(),
                        Exercise.Mode.valueOf(d.mode().toUpperCase(Locale.ROOT)),
                        d.submissionTypes().contains("text"), d.submissionTypes().contains("file"));
                exercise.rubric(d.rubric());
                exercise.syncedFrom(hash);
                exercises.save(exercise);
            }
        }
        for (Exercise exercise : existing.values()) {
            if (!declared.contains(exercise.getId()) && !exercise.isArchived()) {
                exercise.archive();
                exercises.save(exercise);
            }
        }
    }
}
