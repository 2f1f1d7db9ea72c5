package ar.aulas.exercises;

import ar.aulas.accounts.AulasUser;
import ar.aulas.courses.Course;
import ar.aulas.courses.CourseCatalog;
import ar.aulas.courses.CourseAccess;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/** "Mis entregas": every exercise of the person's courses with their status, grade and due date. */
@Service
public class MySubmissions {

    public record Item(Course course, Exercise exercise, Submission submission, ParticipantStatus status,
            java.time.LocalDateTime due) {
        public Submission.Grade visibleGrade() {
            return submission == null || !exercise.gradesVisible() ? null : submission.lastGrade();
        }
    }

    private final CourseCatalog catalog;
    private final CourseAccess courses;
    private final ExerciseRepository exercises;
    private final SubmissionRepository submissions;

    private final ar.aulas.courses.CourseStructure structure;

    MySubmissions(CourseCatalog catalog, CourseAccess courses, ExerciseRepository exercises,
            SubmissionRepository submissions, ar.aulas.courses.CourseStructure structure) {
        this.structure = structure;
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
            for (Exercise exercise : structure.get(course.getCode(), ar.aulas.courses.CourseStructure.EXERCISES,
                    () -> exercises.findByCourseCodeAndArchivedFalseOrderByModuleNumberAsc(course.getCode()))) {
                if (!released.contains(exercise.getModuleNumber())) {
                    continue;
                }
                String owner = ExerciseAccess.ownerKey(user, exercise);
                Submission submission = submissions.findByExerciseIdAndOwnerKey(exercise.getId(), owner).orElse(null);
                items.add(new Item(course, exercise, submission, ParticipantStatus.of(submission, exercise.gradesVisible()),
                        exercise.dueFor(owner)));
            }
        }
        return items;
    }
}
