package ar.aulas.exercises;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.AccountRegistry;
import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.PersonOrder;
import ar.aulas.accounts.Role;
import ar.aulas.courses.Enrolment;
import ar.aulas.courses.Enrolments;
import ar.aulas.institutions.Institution;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.shared.mail.Mailer;
import ar.aulas.shared.web.PublicUrls;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.Document;
import org.springframework.context.MessageSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Who is expected to submit an exercise and has not (no submission, or only a draft), for the grading
 * queue's "Todos"; and a message to them from the trainer, by mail or the outbox (every member of a team).
 */
@Service
public class SubmissionReminders {

    /** One person or team that has not submitted; {@code draft} when they saved a draft. */
    public record Missing(String ownerKey, String name, String institutionName, boolean draft) {
    }

    static final int MAX_MESSAGE = 5_000;
    private static final Locale SPANISH = Locale.forLanguageTag("es-AR");

    private final ExerciseAccess access;
    private final Enrolments enrolments;
    private final AccountRegistry accounts;
    private final InstitutionDirectory institutions;
    private final MongoTemplate mongo;
    private final Mailer mailer;
    private final MessageSource messages;
    private final PublicUrls urls;

    SubmissionReminders(ExerciseAccess access, Enrolments enrolments, AccountRegistry accounts,
            InstitutionDirectory institutions, MongoTemplate mongo, Mailer mailer, MessageSource messages, PublicUrls urls) {
        this.access = access;
        this.enrolments = enrolments;
        this.accounts = accounts;
        this.institutions = institutions;
        this.mongo = mongo;
        this.mailer = mailer;
        this.messages = messages;
        this.urls = urls;
    }

    private ExerciseAccess.Scope graderScope(AulasUser user, String code, int module, String slug) {
        return access.graded(user, code, module, slug);
    }

    /** Those expected to submit who have not, of one institution when given, by institution then surname. */
    public List<Missing> missing(AulasUser user, String code, int module, String slug, String institutionId) {
        return missing(graderScope(user, code, module, slug).exercise(), institutionId).stream()
                .map(Expected::missing).toList();
    }

    private record Expected(Missing missing, List<Account> people) {
    }

    private List<Expected> missing(Exercise exercise, String institutionId) {
        Map<String, Institution> byId = institutions.byId();
        List<Enrolment> enrolled = enrolments.ofCourse(exercise.getCourseCode()).stream().filter(Enrolment::isActive)
                .filter(e -> institutionId == null || institutionId.isBlank() || institutionId.equals(e.getInstitutionId()))
                .toList();
        List<Account> people = PersonOrder.sorted(accounts.findAll(enrolled.stream().map(Enrolment::getAccountId).toList())
                .stream().filter(a -> a.isActive() && a.has(Role.PARTICIPANT)).toList());
        Map<String, String> institutionOf = new HashMap<>();
        enrolled.forEach(e -> institutionOf.put(e.getAccountId(), e.getInstitutionId()));
        Map<String, List<Account>> owners = new LinkedHashMap<>();
        for (Account a : people) {
            String owner = exercise.ownerKeyOf(a.getId(), institutionOf.get(a.getId()));
            if (!exercise.isTeam() || institutionOf.get(a.getId()) != null) {
                owners.computeIfAbsent(owner, k -> new ArrayList<>()).add(a);
            }
        }
        // the status of each owner's submission, by the exercise's unique {exerciseId, ownerKey} index
        Map<String, String> status = new HashMap<>();
        List<String> keys = List.copyOf(owners.keySet());
        for (int from = 0; from < keys.size(); from += 500) {
            mongo.getCollection("submissions").find(new Document("exerciseId", exercise.getId()).append("ownerKey",
                            new Document("$in", keys.subList(from, Math.min(keys.size(), from + 500)))))
                    .projection(new Document("ownerKey", 1).append("status", 1))
                    .forEach(d -> status.put(d.getString("ownerKey"), d.getString("status")));
        }
        List<Expected> result = new ArrayList<>();
        owners.forEach((owner, members) -> {
            String s = status.get(owner);
            if (s == null || Submission.Status.DRAFT.name().equals(s)) {
                String institution = owner.startsWith("i:") ? owner.substring(2) : institutionOf.get(members.get(0).getId());
                String institutionName = byId.containsKey(institution) ? byId.get(institution).getName() : "";
                String name = exercise.isTeam() ? institutionName : members.get(0).getFullName();
                result.add(new Expected(new Missing(owner, name, institutionName, s != null), members));
            }
        });
        result.sort(Comparator.comparing((Expected e) -> e.missing().institutionName(), PersonOrder.TEXT));
        return result;
    }

    /**
     * Writes to everyone who has not submitted (of one institution when given): the trainer's message and the
     * exercise's link. Returns how many people it was sent to.
     */
    public int remind(AulasUser user, String code, int module, String slug, String institutionId, String message) {
        Exercise exercise = graderScope(user, code, module, slug).exercise();
        String text = message == null ? "" : message.strip();
        if (text.isEmpty()) {
            throw new ExerciseRefused("message", "reminder.message.required");
        }
        if (text.length() > MAX_MESSAGE) {
            throw new ExerciseRefused("message", "reminder.message.tooLong", MAX_MESSAGE);
        }
        String url = urls.base() + "/courses/" + exercise.getCourseCode() + "/modules/" + exercise.getModuleNumber()
                + "/exercises/" + exercise.getSlug();
        int sent = 0;
        for (Expected e : missing(exercise, institutionId)) {
            for (Account person : e.people()) {
                mailer.send(person.getEmail(),
                        messages.getMessage("reminder.subject", new Object[] {exercise.getTitle()}, SPANISH),
                        messages.getMessage("reminder.body", new Object[] {person.getFullName(), exercise.getTitle(),
                                text, user.fullName(), url}, SPANISH));
                sent++;
            }
        }
        return sent;
    }

    /** The message offered to the trainer, ready to send. */
    public String defaultMessage(AulasUser user, String code, int module, String slug, Locale locale) {
        Exercise exercise = graderScope(user, code, module, slug).exercise();
        return messages.getMessage("reminder.default", new Object[] {exercise.getTitle(),
                exercise.getDue() == null ? "" : DUE.format(exercise.getDue())}, locale);
    }

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
}
