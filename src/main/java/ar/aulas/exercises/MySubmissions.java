package ar.aulas.exercises;

import ar.aulas.accounts.AulasUser;
import ar.aulas.courses.Course;
import ar.aulas.courses.CourseAccess;
import ar.aulas.courses.CourseCatalog;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/** "Mis entregas": every exercise of the person's courses with their status, grade and due date. */
@Service
public class MySubmissions {

    /** {@code overdue}: past its due date with the current attempt not submitted (it would go in late). */
    public record Item(Course course, Exercise exercise, Submission submission, ParticipantStatus status,
            LocalDateTime due, boolean overdue) {
        public Submission.Grade visibleGrade() {
            return submission == null || !exercise.gradesVisible() ? null : submission.lastGrade();
        }
    }

    private final CourseCatalog catalog;
    private final CourseAccess courses;
    private final ExerciseRepository exercises;
    private final SubmissionRepository submissions;


    private final ExerciseAccess access;

    MySubmissions(CourseCatalog catalog, CourseAccess courses, ExerciseRepository exercises,
            SubmissionRepository submissions, ExerciseAccess access) {
        this.access = access;
        this.catalog = catalog;
        this.courses = courses;
        this.exercises = exercises;
        this.submissions = submissions;
    }

    public List<Item> of(AulasUser user) {
        List<Item> items = new ArrayList<>();
        for (Course course : catalog.coursesOf(user)) {
            if (!courses.isEnrolled(user, course)) {
                continue;
            }
            var released = catalog.openModules(user, course);
            for (Exercise exercise : exercises.ofCourse(course.getCode())) {
                if (!released.contains(exercise.getModuleNumber())) {
                    continue;
                }
                String owner = ExerciseAccess.ownerKey(user, exercise);
                Submission submission = submissions.findByExerciseIdAndOwnerKey(exercise.getId(), owner).orElse(null);
                var due = exercise.dueFor(owner);
                boolean overdue = due != null && access.now(course).isAfter(due)
                        && (submission == null || !submission.current().isSubmitted());
                items.add(new Item(course, exercise, submission, ParticipantStatus.of(submission, exercise.gradesVisible()),
                        due, overdue));
            }
        }
        return items;
    }
}
