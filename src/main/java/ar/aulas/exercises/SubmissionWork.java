package ar.aulas.exercises;

import ar.aulas.accounts.AccountRegistry;
import ar.aulas.accounts.AulasUser;
import ar.aulas.courses.Course;
import ar.aulas.courses.CourseFiles;
import ar.aulas.courses.Material;
import ar.aulas.courses.UploadRefused;
import ar.aulas.shared.web.NotFoundException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * A participant's work on an exercise: draft, attach files, submit, resubmit after a revision.
 * Files are stored before the submission document, and the document is written in one
 * single-document update, so once the page says "Entregado" everything is there.
 */
@Service
public class SubmissionWork {

    private static final Logger log = LoggerFactory.getLogger(SubmissionWork.class);

    /** A save: {@code replaceFiles} drops every file attached so far (the uploads take their place). */
    public record Work(String text, List<MultipartFile> files, Set<String> removeFileIds, boolean submit,
            String token, boolean replaceFiles) {

        public Work(String text, List<MultipartFile> files, Set<String> removeFileIds, boolean submit, String token) {
            this(text, files, removeFileIds, submit, token, false);
        }
    }

    /** What the exercise page shows a participant. */
    public record View(Course course, Exercise exercise, Submission submission, ParticipantStatus status,
            boolean canEdit, String blockedKey, boolean gradeVisible, Map<String, String> people,
            LocalDateTime extendedDue, LocalDateTime overdueSince) {
    }

    /** Team-mates saving at once each retry on a fresh copy, waiting a random, growing pause (full jitter). */
    private static final int RETRIES = 12;

    private final ExerciseAccess access;
    private final SubmissionRepository submissions;
    private final CourseFiles files;
    private final Clock clock;
    private final AccountRegistry accounts;

    private final ApplicationEventPublisher events;


    SubmissionWork(ExerciseAccess access, SubmissionRepository submissions, CourseFiles files, Clock clock,
            AccountRegistry accounts, ApplicationEventPublisher events) {
        this.events = events;
        this.accounts = accounts;
        this.access = access;
        this.submissions = submissions;
        this.files = files;
        this.clock = clock;
    }

    public View view(AulasUser user, String code, int module, String slug) {
        var scope = access.exercise(user, code, module, slug);
        Exercise exercise = scope.exercise();
        boolean participant = access.isParticipant(user, scope.course());
        String owner = participant ? ExerciseAccess.ownerKey(user, exercise) : null;
        Submission submission = participant
                ? submissions.findByExerciseIdAndOwnerKey(exercise.getId(), owner).orElse(null)
                : null;
        String blocked = participant ? blockedReason(exercise, owner, submission, access.now(scope.course()))
                : "exercise.notParticipant";
        // the participant's (or their team's) own due date, when an extension moved it
        LocalDateTime extendedDue = participant && !Objects.equals(exercise.dueFor(owner), exercise.getDue())
                ? exercise.dueFor(owner) : null;
        Map<String, String> people = new HashMap<>();
        if (submission != null && submission.isTeam()) {
            var ids = submission.getAttempts().stream().flatMap(a -> a.getContributions().stream())
                    .map(Submission.Contribution::accountId).distinct().toList();
            accounts.findAll(ids).forEach(a -> people.put(a.getId(), a.getFullName()));
        }
        // past the due date with nothing submitted in the current attempt, yet still open: it would be late
        LocalDateTime due = participant ? exercise.dueFor(owner) : null;
        boolean submittedNow = submission != null && submission.current().isSubmitted();
        LocalDateTime overdueSince = participant && blocked == null && due != null && access.now(scope.course()).isAfter(due)
                && !submittedNow ? due : null;
        return new View(scope.course(), exercise, submission,
                ParticipantStatus.of(submission, exercise.gradesVisible()), blocked == null, blocked,
                exercise.gradesVisible(), people, extendedDue, overdueSince);
    }

    /** Why this owner cannot change their work now, or null if they can. */
    static String blockedReason(Exercise exercise, String ownerKey, Submission submission, LocalDateTime now) {
        if (exercise.getOpens() != null && now.isBefore(exercise.getOpens())) {
            return "exercise.notOpen";
        }
        LocalDateTime cutoff = exercise.cutoffFor(ownerKey);
        if (cutoff != null && now.isAfter(cutoff)) {
            return "exercise.closed";
        }
        LocalDateTime due = exercise.dueFor(ownerKey);
        if (submission == null) {
            return null;
        }
        if (submission.getStatus() == Submission.Status.GRADED) {
            return "exercise.alreadyGraded";
        }
        Submission.Attempt attempt = submission.current();
        if (attempt.isSubmitted() && attempt.isGraded()) {
            return "exercise.alreadyGraded";
        }
        if (attempt.isSubmitted() && due != null && now.isAfter(due)) {
            return "exercise.submittedAndDue";
        }
        return null;
    }

    /**
     * Saves a draft or submits. Refusals name the field and store nothing; a repeated form token
     * returns the submission as it is (the same receipt).
     */
    public Submission save(AulasUser user, String code, int module, String slug, Work work) {
        var scope = access.exercise(user, code, module, slug);
        Exercise exercise = scope.exercise();
        if (!access.isParticipant(user, scope.course())) {
            throw new NotFoundException();
        }
        String ownerKey = ExerciseAccess.ownerKey(user, exercise);
        var existing = submissions.findByExerciseIdAndOwnerKey(exercise.getId(), ownerKey);
        if (existing.isPresent() && existing.get().processed(work.token())) {
            return existing.get();
        }
        LocalDateTime now = access.now(scope.course());
        String blocked = blockedReason(exercise, ownerKey, existing.orElse(null), now);
        if (blocked != null) {
            throw new ExerciseRefused(null, blocked);
        }
        String text = work.text() == null ? null : work.text().strip();
        if (text != null && text.length() > 50_000) {
            throw new ExerciseRefused("text", "form.tooLong");
        }
        if (!exercise.isAllowText() && text != null && !text.isEmpty()) {
            throw new ExerciseRefused("text", "exercise.textNotAllowed");
        }
        List<MultipartFile> uploads = work.files() == null ? List.of()
                : work.files().stream().filter(f -> f != null && !f.isEmpty()).toList();
        if (!exercise.isAllowFiles() && !uploads.isEmpty()) {
            throw new ExerciseRefused("files", "exercise.filesNotAllowed");
        }
        List<Submission.StoredFile> kept = kept(existing.map(s -> s.current().getFiles()).orElse(List.of()), work);
        if (kept.size() + uploads.size() > exercise.getMaxFiles()) {
            throw new ExerciseRefused("files", "exercise.tooManyFiles", exercise.getMaxFiles());
        }
        if (work.submit() && (text == null || text.isEmpty()) && kept.isEmpty() && uploads.isEmpty()) {
            throw new ExerciseRefused("text", "exercise.empty");
        }
        List<Submission.StoredFile> stored = new ArrayList<>();
        try {
            for (MultipartFile upload : uploads) {
                Material.StoredFile f = files.storeChecked(upload, exercise.getMaxFileMb() * 1024L * 1024L, "files",
                        new Document("exercise", exercise.getId()).append("owner", ownerKey).append("source", "submission"));
                stored.add(new Submission.StoredFile(f.fileId(), f.name(), f.size(), f.contentType(), f.sha256()));
            }
        } catch (UploadRefused e) {
            stored.forEach(f -> files.delete(f.fileId()));
            throw new ExerciseRefused("files", e.messageKey(), e.args());
        }
        try {
            return write(user, exercise, ownerKey, text, stored, work, now);
        } catch (RuntimeException e) {
            stored.forEach(f -> files.delete(f.fileId()));
            throw e;
        }
    }

    /** The files of the work that stay: all but those ticked for removal, or none when the uploads replace them. */
    private static List<Submission.StoredFile> kept(List<Submission.StoredFile> current, Work work) {
        return work.replaceFiles() ? List.of() : current.stream()
                .filter(f -> work.removeFileIds() == null || !work.removeFileIds().contains(f.fileId())).toList();
    }

    /**
     * Writes the change on the stored copy (re-read after a team-mate's save won), so files a team-mate attached
     * meanwhile are kept; files taken out and no longer part of any attempt or feedback are deleted.
     */
    private Submission write(AulasUser user, Exercise exercise, String ownerKey, String text,
            List<Submission.StoredFile> uploaded, Work work, LocalDateTime now) {
        for (int attempt = 0; attempt < RETRIES; attempt++) {
            var existing = submissions.findByExerciseIdAndOwnerKey(exercise.getId(), ownerKey);
            Submission submission = existing.orElseGet(() -> new Submission(exercise, ownerKey, user.institutionId(),
                    exercise.isTeam() ? null : user.id()));
            if (submission.processed(work.token())) {
                return submission;
            }
            String blockedNow = submission.getVersion() == null ? null : blockedReason(exercise, ownerKey, submission, now);
            if (blockedNow != null) {
                throw new ExerciseRefused(null, blockedNow);
            }
            List<Submission.StoredFile> before = List.copyOf(submission.current().getFiles());
            List<Submission.StoredFile> all = new ArrayList<>(kept(before, work));
            all.addAll(uploaded);
            if (all.size() > exercise.getMaxFiles()) {
                throw new ExerciseRefused("files", "exercise.tooManyFiles", exercise.getMaxFiles());
            }
            var at = clock.instant();
            submission.saveWork(user.id(), text, all, at, !work.submit());
            if (work.submit()) {
                LocalDateTime due = exercise.dueFor(ownerKey);
                boolean late = due != null && now.isAfter(due);
                submission.submit(user.id(), late, work.token(), at);
            } else {
                submission.remember(work.token());
            }
            try {
                Submission saved = submissions.save(submission);
                // the work is saved: nothing after this may undo it (the caller deletes the uploads on an exception)
                try {
                    events.publishEvent(SubmissionSaved.of(saved));
                    before.stream().filter(f -> !saved.references(f.fileId())).forEach(f -> files.delete(f.fileId()));
                } catch (RuntimeException e) {
                    log.warn("Submission {} saved; its figures or removed files not updated", saved.getId(), e);
                }
                return saved;
            } catch (OptimisticLockingFailureException | DuplicateKeyException e) {
                // a team-mate saved at the same moment: reload and apply this change on top, after a pause
                backOff(attempt);
            }
        }
        throw new ExerciseRefused(null, "exercise.busy");
    }

    private static void backOff(int attempt) {
        long ceiling = Math.min(200, 5L << Math.min(attempt, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExerciseRefused(null, "exercise.busy");
        }
    }

    /** "Mis entregas": the person's (and their team's) submissions in one course. */
    public List<Submission> mine(AulasUser user, Course course, List<Exercise> exercises) {
        List<Submission> found = new ArrayList<>();
        for (Exercise exercise : exercises) {
            submissions.findByExerciseIdAndOwnerKey(exercise.getId(), ExerciseAccess.ownerKey(user, exercise))
                    .ifPresent(found::add);
        }
        return found;
    }
}
