package ar.aulas.exercises;

import ar.aulas.shared.web.PublicUrls;
import ar.aulas.accounts.Account;
import ar.aulas.accounts.AccountRegistry;
import ar.aulas.accounts.Role;
import ar.aulas.courses.Enrolment;
import ar.aulas.courses.Enrolments;
import ar.aulas.notifications.Notification;
import ar.aulas.notifications.Notifications;
import ar.aulas.shared.mail.Mailer;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells participants (every member of a team) that their work was graded or needs revision, by mail
 * or the outbox and the bell, once the grade is visible to them.
 */
@Component
class GradeNotifications {

    static final Locale SPANISH = Locale.forLanguageTag("es-AR");

    private final Mailer mailer;
    private final AccountRegistry accounts;
    private final Enrolments enrolments;
    private final MessageSource messages;
    private final PublicUrls urls;
    private final Notifications notifications;

    GradeNotifications(Mailer mailer, AccountRegistry accounts, Enrolments enrolments, MessageSource messages,
            PublicUrls urls, Notifications notifications) {
        this.notifications = notifications;
        this.mailer = mailer;
        this.accounts = accounts;
        this.enrolments = enrolments;
        this.messages = messages;
        this.urls = urls;
    }

    record SubmissionGraded(Exercise exercise, Submission submission) {
    }

    @EventListener
    void on(SubmissionGraded event) {
        Exercise exercise = event.exercise();
        if (!exercise.gradesVisible()) {
            return;
        }
        notifyOwners(exercise, event.submission());
    }

    void notifyOwners(Exercise exercise, Submission submission) {
        Submission.Grade grade = submission.lastGrade();
        if (grade == null) {
            return;
        }
        String key = grade.verdict() == Submission.Verdict.NEEDS_REVISION ? "mail.revision" : "mail.graded";
        String path = "/courses/" + exercise.getCourseCode() + "/modules/" + exercise.getModuleNumber()
                + "/exercises/" + exercise.getSlug();
        String url = urls.base() + path;
        List<Account> owners = owners(submission);
        notifications.tell(owners.stream().map(Account::getId).toList(), Notification.Kind.GRADE,
                grade.verdict() == Submission.Verdict.NEEDS_REVISION ? "notification.revision" : "notification.graded",
                List.of(exercise.getTitle()), path);
        for (Account person : owners) {
            mailer.send(person.getEmail(), messages.getMessage(key + ".subject", new Object[] {exercise.getTitle()}, SPANISH),
                    messages.getMessage(key + ".body", new Object[] {person.getFullName(), exercise.getTitle(),
                            messages.getMessage("grade.verdict." + grade.verdict(), null, SPANISH), url}, SPANISH));
        }
    }

    private List<Account> owners(Submission submission) {
        if (submission.getParticipantId() != null) {
            return accounts.find(submission.getParticipantId()).stream().toList();
        }
        List<String> ids = enrolments.ofCourse(submission.getCourseCode()).stream().filter(Enrolment::isActive)
                .filter(e -> submission.getInstitutionId().equals(e.getInstitutionId()))
                .map(Enrolment::getAccountId).toList();
        return accounts.findAll(ids).stream().filter(a -> a.isActive() && a.has(Role.PARTICIPANT)).toList();
    }
}
