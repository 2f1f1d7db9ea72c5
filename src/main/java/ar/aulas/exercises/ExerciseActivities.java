package ar.aulas.exercises;

import ar.aulas.accounts.AulasUser;
import ar.aulas.courses.Course;
import ar.aulas.courses.ModuleActivities;
import java.util.List;
import org.springframework.stereotype.Component;

/** The exercises of a module on its page: participants see their status, graders how many to grade. */
@Component
class ExerciseActivities implements ModuleActivities {

    private final ExerciseRepository exercises;
    private final SubmissionRepository submissions;
    private final ExerciseAccess access;


    ExerciseActivities(ExerciseRepository exercises, SubmissionRepository submissions, ExerciseAccess access) {
        this.exercises = exercises;
        this.submissions = submissions;
        this.access = access;
    }

    @Override
    public List<Activity> activities(AulasUser user, Course course, int moduleNumber) {
        boolean participant = access.isParticipant(user, course);
        return exercises.ofCourse(course.getCode()).stream()
                .filter(e -> e.getModuleNumber() == moduleNumber).map(e -> {
                    String url = "/courses/" + course.getCode() + "/modules/" + moduleNumber + "/exercises/" + e.getSlug();
                    String status = participant ? ParticipantStatus.of(submissions.findByExerciseIdAndOwnerKey(e.getId(),
                            ExerciseAccess.ownerKey(user, e)).orElse(null), e.gradesVisible()).key() : null;
                    return new Activity("exercise.activity", e.getTitle(), url, status);
                }).toList();
    }
}
