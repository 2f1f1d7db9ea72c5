package ar.aulas.exercises;

import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.Role;
import ar.aulas.courses.Course;
import ar.aulas.courses.CourseAccess;
import ar.aulas.shared.web.NotFoundException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** Who may see, submit to and grade an exercise. What one may not see is 404, like what does not exist. */
@Component
public class ExerciseAccess {

    private final CourseAccess courses;
    private final ExerciseRepository exercises;
    private final Clock clock;

    ExerciseAccess(CourseAccess courses, ExerciseRepository exercises, Clock clock) {
        this.courses = courses;
        this.exercises = exercises;
        this.clock = clock;
    }

    public record Scope(Course course, Exercise exercise) {
    }

    /** The exercise, if its course and module are visible to this person. */
    /** An exercise for someone who grades its course (404 for anyone else). */
    public Scope graded(AulasUser user, String code, int moduleNumber, String slug) {
        Scope scope = exercise(user, code, moduleNumber, slug);
        if (!grades(user, scope.course())) {
            throw new NotFoundException();
        }
        return scope;
    }

    public Scope exercise(AulasUser user, String code, int moduleNumber, String slug) {
        Course course = courses.course(user, code);
        courses.module(user, course, moduleNumber);
        Exercise exercise = exercises.findById(code + "/" + moduleNumber + "/" + slug).filter(e -> !e.isArchived())
                .orElseThrow(NotFoundException::new);
        return new Scope(course, exercise);
    }

    public Course course(AulasUser user, String code) {
        return courses.course(user, code);
    }

    /** The course's trainers and admins grade. */
    public boolean grades(AulasUser user, Course course) {
        return user.has(Role.ADMIN) || course.hasTrainer(user.email());
    }

    /** Graders and coordinators see grades of others; an institution's coordinator only their institution's. */
    public boolean seesSubmissionOf(AulasUser user, Course course, Submission submission) {
        if (grades(user, course) || (user.has(Role.COORDINATOR) && user.coordinatedInstitutionId() == null)) {
            return true;
        }
        if (user.has(Role.COORDINATOR) && user.coordinatedInstitutionId().equals(submission.getInstitutionId())) {
            return true;
        }
        return ownerKey(user, submission.getExerciseId(), submission.isTeam()).equals(submission.getOwnerKey())
                && courses.isEnrolled(user, course);
    }

    public boolean isParticipant(AulasUser user, Course course) {
        return courses.isEnrolled(user, course);
    }

    /** Team exercises belong to the person's institution; individual ones to the person. */
    static String ownerKey(AulasUser user, Exercise exercise) {
        return exercise.ownerKeyOf(user.id(), user.institutionId());
    }

    static String ownerKey(AulasUser user, String exerciseId, boolean team) {
        return team ? "i:" + user.institutionId() : "p:" + user.id();
    }

    public LocalDateTime now(Course course) {
        return LocalDateTime.now(clock.withZone(ZoneId.of(course.getTimeZone())));
    }
}
