package ar.aulas.exercises;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bson.types.ObjectId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * All the work of one owner (a participant, or an institution's team) on one exercise, in ONE
 * document: attempts, grades and the full grade history. Every change is a single-document write
 * guarded by {@code @Version}, so nothing needs a multi-document transaction and two trainers can
 * never silently overwrite each other. The id {@code <exercise>|<owner>} makes a second submission
 * of the same owner impossible.
 */
@Document("submissions")
@CompoundIndex(name = "one_per_owner", def = "{'exerciseId': 1, 'ownerKey': 1}", unique = true)
// the dashboard and certificate eligibility read a course's submissions by institution and by owner
@CompoundIndex(name = "course_institution_status", def = "{'courseCode': 1, 'institutionId': 1, 'status': 1}")
@CompoundIndex(name = "course_owner", def = "{'courseCode': 1, 'ownerKey': 1}")
// an exercise's submissions by status (who has not submitted, the queue's counts); the embedded store serves it too
@CompoundIndex(name = "exercise_status", def = "{'exerciseId': 1, 'status': 1}")
public class Submission {

    public enum Status { DRAFT, SUBMITTED, GRADED, NEEDS_REVISION }

    public enum Verdict { APPROVED, NEEDS_REVISION, NOT_APPROVED }

    public record StoredFile(String fileId, String name, long size, String contentType, String sha256) {
    }

    public record Contribution(String accountId, String action, Instant at) {
    }

    /** @param levels for a rubric, the index of the level chosen for each criterion (empty without rubric) */
    public record Grade(BigDecimal score, Verdict verdict, String feedbackMarkdown, String feedbackHtml,
            String gradedBy, Instant gradedAt, List<Integer> levels, List<StoredFile> files) {
        public Grade {
            levels = levels == null ? List.of() : List.copyOf(levels);
            files = files == null ? List.of() : List.copyOf(files);
        }

        public Grade(BigDecimal score, Verdict verdict, String feedbackMarkdown, String feedbackHtml, String gradedBy,
                Instant gradedAt) {
            this(score, verdict, feedbackMarkdown, feedbackHtml, gradedBy, gradedAt, List.of(), List.of());
        }

        /** The level chosen for criterion {@code i}, or -1. */
        public int levelOf(int i) {
            return i < levels.size() && levels.get(i) != null ? levels.get(i) : -1;
        }
    }

    public record Change(String accountId, Instant at, int attempt, String field, String from, String to) {
    }

    public static final class Attempt {
        private int number;
        private String text;
        private List<StoredFile> files = new ArrayList<>();
        private Instant submittedAt;
        private String submittedBy;
        private boolean late;
        private Grade grade;
        private List<Contribution> contributions = new ArrayList<>();

        Attempt() {
        }

        Attempt(int number) {
            this.number = number;
        }

        public int getNumber() { return number; }
        public String getText() { return text; }
        public List<StoredFile> getFiles() { return files; }
        public Instant getSubmittedAt() { return submittedAt; }
        public String getSubmittedBy() { return submittedBy; }
        public boolean isLate() { return late; }
        public Grade getGrade() { return grade; }
        public List<Contribution> getContributions() { return contributions; }
        public boolean isSubmitted() { return submittedAt != null; }
        public boolean isGraded() { return grade != null; }
    }

    @Id
    private String id;
    @Indexed
    private String exerciseId;
    @Indexed
    private String courseCode;
    private String ownerKey;
    @Indexed
    private String institutionId;
    /** Individual exercises: the participant. Team exercises: null. */
    private String participantId;
    private boolean team;
    private List<Attempt> attempts = new ArrayList<>();
    private Status status;
    private boolean late;
    private List<Change> history = new ArrayList<>();
    /** Form tokens already processed, so a double click or a retry gets the same receipt. */
    private List<String> tokens = new ArrayList<>();
    private Instant updatedAt;
    @Version
    private Long version;

    protected Submission() {
    }

    Submission(Exercise exercise, String ownerKey, String institutionId, String participantId) {
        // chosen here, so the exercise's index can name it before it is inserted
        this.id = new ObjectId().toHexString();
        this.exerciseId = exercise.getId();
        this.courseCode = exercise.getCourseCode();
        this.ownerKey = ownerKey;
        this.institutionId = institutionId;
        this.participantId = participantId;
        this.team = exercise.isTeam();
        this.attempts.add(new Attempt(1));
        this.status = Status.DRAFT;
    }

    public Attempt current() {
        return attempts.get(attempts.size() - 1);
    }

    /** The attempt a trainer grades: the current one if submitted, otherwise the last submitted one. */
    public Attempt gradable() {
        for (int i = attempts.size() - 1; i >= 0; i--) {
            if (attempts.get(i).isSubmitted()) {
                return attempts.get(i);
            }
        }
        return current();
    }

    /** The last grade given, if any (it may belong to an earlier attempt). */
    public Grade lastGrade() {
        for (int i = attempts.size() - 1; i >= 0; i--) {
            if (attempts.get(i).grade != null) {
                return attempts.get(i).grade;
            }
        }
        return null;
    }

    /** Replaces the current attempt's text and files; a draft save is recorded as such (a submit records itself). */
    void saveWork(String accountId, String text, List<StoredFile> files, Instant at, boolean draft) {
        Attempt attempt = current();
        attempt.text = text;
        attempt.files = new ArrayList<>(files);
        if (draft) {
            attempt.contributions.add(new Contribution(accountId, "draft", at));
        }
        if (!attempt.isSubmitted() && status != Status.NEEDS_REVISION) {
            status = Status.DRAFT;
        }
        updatedAt = at;
    }

    void submit(String accountId, boolean lateNow, String token, Instant at) {
        Attempt attempt = current();
        attempt.submittedAt = at;
        attempt.submittedBy = accountId;
        attempt.late = lateNow;
        attempt.contributions.add(new Contribution(accountId, "submit", at));
        status = Status.SUBMITTED;
        late = lateNow;
        remember(token);
        updatedAt = at;
    }

    void remember(String token) {
        if (token != null && !token.isBlank()) {
            tokens.add(token);
            if (tokens.size() > 20) {
                tokens.remove(0);
            }
        }
    }

    boolean processed(String token) {
        return token != null && tokens.contains(token);
    }

    /** Grades the gradable attempt, recording every changed field; asking for revision opens a new attempt. */
    void grade(Grade grade, Instant at) {
        Attempt attempt = gradable();
        Grade old = attempt.grade;
        record(grade.gradedBy(), at, attempt.number, "score", old == null ? null : plain(old.score()), plain(grade.score()));
        record(grade.gradedBy(), at, attempt.number, "verdict", old == null ? null : String.valueOf(old.verdict()),
                String.valueOf(grade.verdict()));
        record(grade.gradedBy(), at, attempt.number, "feedback", old == null ? null : old.feedbackMarkdown(),
                grade.feedbackMarkdown());
        record(grade.gradedBy(), at, attempt.number, "rubric", old == null || old.levels().isEmpty() ? null
                : old.levels().toString(), grade.levels().isEmpty() ? null : grade.levels().toString());
        attempt.grade = grade;
        if (grade.verdict() == Verdict.NEEDS_REVISION) {
            status = Status.NEEDS_REVISION;
            if (attempt == current()) {
                Attempt next = new Attempt(attempt.number + 1);
                next.text = attempt.text;
                next.files = new ArrayList<>(attempt.files);
                attempts.add(next);
            }
        } else {
            status = Status.GRADED;
        }
        updatedAt = at;
    }

    private void record(String accountId, Instant at, int attempt, String field, String from, String to) {
        if (!Objects.equals(from, to)) {
            history.add(new Change(accountId, at, attempt, field, from, to));
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    /** Whether a file belongs to this submission: the participants' files or the trainers' feedback files. */
    public boolean references(String fileId) {
        for (Attempt a : attempts) {
            if (a.files.stream().anyMatch(f -> f.fileId().equals(fileId))
                    || (a.grade != null && a.grade.files().stream().anyMatch(f -> f.fileId().equals(fileId)))) {
                return true;
            }
        }
        return false;
    }

    public boolean isFeedbackFile(String fileId) {
        return attempts.stream().anyMatch(a -> a.grade != null
                && a.grade.files().stream().anyMatch(f -> f.fileId().equals(fileId)));
    }

    public String getId() { return id; }
    public String getExerciseId() { return exerciseId; }
    public String getCourseCode() { return courseCode; }
    public String getOwnerKey() { return ownerKey; }
    public String getInstitutionId() { return institutionId; }
    public String getParticipantId() { return participantId; }
    public boolean isTeam() { return team; }
    public List<Attempt> getAttempts() { return attempts; }
    public Status getStatus() { return status; }
    public boolean isLate() { return late; }
    public List<Change> getHistory() { return history; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Long getVersion() { return version; }
}
