package ar.aulas.exercises;

import ar.aulas.courses.Course;
import ar.aulas.courses.CourseRepository;
import ar.aulas.shared.jobs.JobLeases;
import ar.aulas.shared.mail.Mailer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A daily mail to each course's trainers with the submissions of the last 24 hours, per exercise.
 * Off unless {@code aulas.exercises.digest.enabled=true}; sent at {@code aulas.exercises.digest.cron}.
 */
@Component
class TrainerDigest {

    private final boolean enabled;
    private final CourseRepository courses;
    private final ExerciseRepository exercises;
    private final SubmissionRepository submissions;
    private final Mailer mailer;
    private final MessageSource messages;
    private final Clock clock;
    private final JobLeases leases;


    TrainerDigest(ExercisesProperties properties, CourseRepository courses,
            ExerciseRepository exercises, SubmissionRepository submissions, Mailer mailer, MessageSource messages,
            Clock clock, JobLeases leases) {
        this.leases = leases;
        this.enabled = properties.digest().enabled();
        this.courses = courses;
        this.exercises = exercises;
        this.submissions = submissions;
        this.mailer = mailer;
        this.messages = messages;
        this.clock = clock;
    }

    @Scheduled(cron = "${aulas.exercises.digest.cron:0 0 7 * * *}", zone = "America/Argentina/Salta")
    void daily() {
        if (enabled) {
            leases.runExclusively("trainer-digest", Duration.ofHours(1), this::send);
        }
    }

    /** Sends the digests now; returns how many mails were sent (courses with nothing new send none). */
    int send() {
        Instant since = clock.instant().minus(Duration.ofHours(24));
        Locale es = Locale.forLanguageTag("es-AR");
        int sent = 0;
        for (Course course : courses.findByArchivedFalseOrderByStartDateDesc()) {
            List<String> lines = new ArrayList<>();
            for (Exercise exercise : exercises.findByCourseCodeAndArchivedFalseOrderByModuleNumberAsc(course.getCode())) {
                long recent = submissions.findByExerciseId(exercise.getId()).stream()
                        .filter(s -> s.current().isSubmitted() && s.current().getSubmittedAt().isAfter(since)).count();
                if (recent > 0) {
                    lines.add(messages.getMessage("digest.line", new Object[] {exercise.getTitle(), recent}, es));
                }
            }
            if (lines.isEmpty()) {
                continue;
            }
            for (String trainer : course.getTrainerEmails()) {
                mailer.send(trainer, messages.getMessage("digest.subject", new Object[] {course.getTitle()}, es),
                        messages.getMessage("digest.body", new Object[] {course.getTitle(), String.join("\n", lines)}, es));
                sent++;
            }
        }
        return sent;
    }
}
