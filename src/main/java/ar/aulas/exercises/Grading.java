package ar.aulas.exercises;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.AccountRegistry;
import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.PersonOrder;
import ar.aulas.courses.Course;
import ar.aulas.courses.CourseFiles;
import ar.aulas.courses.Enrolment;
import ar.aulas.courses.Enrolments;
import ar.aulas.courses.UploadRefused;
import ar.aulas.institutions.Institution;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.shared.Markdown;
import ar.aulas.shared.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Trainers grade: the queue, the grading page and the save. A save names the version the trainer
 * opened; if someone changed the submission since, nothing is written and the conflict is shown.
 */
@Service
public class Grading {

    public record Row(Submission submission, String ownerName, String institutionName) {
    }

    public record Owner(String key, String name) {
    }

    public static final int PAGE_SIZE = 50;

    /** {@code extended}: the names of those with an extension (the form to grant one has its own page). */
    public record Queue(Course course, Exercise exercise, List<Row> rows, Map<Submission.Status, Long> counts,
            long late, List<Institution> institutions, Map<String, String> extended, int page, int pages, int shown) {
        public String ownerName(String key) {
            return extended.getOrDefault(key, key);
        }
    }

    /** The extensions page: who has one, and everyone who could get one. */
    public record Extensions(Course course, Exercise exercise, Map<String, String> extended, List<Owner> owners) {
        public String ownerName(String key) {
            return extended.getOrDefault(key, key);
        }
    }

    public record GradeForm(long version, String score, Submission.Verdict verdict, String feedback,
            List<Integer> levels, List<MultipartFile> files) {
        public GradeForm(long version, String score, Submission.Verdict verdict, String feedback) {
            this(version, score, verdict, feedback, List.of(), List.of());
        }
    }

    public sealed interface Outcome permits Saved, Conflict {
    }

    public record Saved(Submission submission, String nextId) implements Outcome {
    }

    public record Conflict(Submission current, GradeForm attempted) implements Outcome {
    }

    public record Page(Course course, Exercise exercise, Submission submission, String ownerName,
            String institutionName, Map<String, String> people) {
    }

    private final ExerciseAccess access;
    private final ExerciseRepository exercises;
    private final SubmissionRepository submissions;
    private final AccountRegistry accounts;
    private final InstitutionDirectory institutions;
    private final Markdown markdown;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final GradeNotifications notifications;
    private final Enrolments enrolments;
    private final CourseFiles courseFiles;



    Grading(CourseFiles courseFiles, Enrolments enrolments, ApplicationEventPublisher events,
            GradeNotifications notifications, ExerciseAccess access, ExerciseRepository exercises, SubmissionRepository submissions,
            AccountRegistry accounts, InstitutionDirectory institutions, Markdown markdown, Clock clock) {
        this.access = access;
        this.exercises = exercises;
        this.submissions = submissions;
        this.accounts = accounts;
        this.institutions = institutions;
        this.markdown = markdown;
        this.clock = clock;
        this.events = events;
        this.notifications = notifications;
        this.enrolments = enrolments;
        this.courseFiles = courseFiles;
    }

    public Queue queue(AulasUser user, String code, int module, String slug, String institutionId,
            Submission.Status status, Boolean late, int page) {
        var scope = graderScope(user, code, module, slug);
        Map<String, Institution> byId = institutions.byId();
        Filtered f = filter(submissions.findSummariesByExerciseId(scope.exercise().getId()), institutionId, status, late, page, byId);
        return new Queue(scope.course(), scope.exercise(), f.rows(), f.counts(), f.late(), institutions.all(),
                extended(scope.exercise(), byId), f.page(), f.pages(), f.shown());
    }

    public Extensions extensions(AulasUser user, String code, int module, String slug) {
        var scope = graderScope(user, code, module, slug);
        Map<String, Institution> byId = institutions.byId();
        return new Extensions(scope.course(), scope.exercise(), extended(scope.exercise(), byId),
                owners(scope.exercise(), byId));
    }

    /** The names of those with an extension, read by their ids (not the whole course's list). */
    private Map<String, String> extended(Exercise exercise, Map<String, Institution> byId) {
        Map<String, String> names = new HashMap<>();
        List<String> people = new ArrayList<>();
        for (String key : exercise.getExtensions().keySet()) {
            if (key.startsWith("i:") && byId.containsKey(key.substring(2))) {
                names.put(key, byId.get(key.substring(2)).getName());
            } else if (key.startsWith("p:")) {
                people.add(key.substring(2));
            }
        }
        accounts.findAll(people).forEach(a -> names.put("p:" + a.getId(), a.getFullName()));
        return names;
    }

    /** Counts over all submissions; the filtered ones sorted by status then date, one page of rows. */
    private record Filtered(List<Row> rows, Map<Submission.Status, Long> counts, long late, int page, int pages,
            int shown) {
    }

    private Filtered filter(List<SubmissionSummary> all, String institutionId, Submission.Status status, Boolean late,
            int page, Map<String, Institution> byId) {
        Map<Submission.Status, Long> counts = new EnumMap<>(Submission.Status.class);
        for (Submission.Status s : Submission.Status.values()) {
            counts.put(s, all.stream().filter(x -> x.status() == s).count());
        }
        List<SubmissionSummary> shown = all.stream()
                .filter(s -> institutionId == null || institutionId.isBlank() || institutionId.equals(s.institutionId()))
                .filter(s -> status == null || s.status() == status)
                .filter(s -> late == null || s.late() == late)
                .sorted(Comparator.comparing(SubmissionSummary::status).thenComparing(SubmissionSummary::updatedAt,
                        Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(SubmissionSummary::id))
                .toList();
        int pages = Math.max(1, (shown.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(0, page), pages - 1);
        // only the page shown is loaded in full, in the queue's order
        List<String> pageIds = shown.subList(current * PAGE_SIZE, Math.min(shown.size(), (current + 1) * PAGE_SIZE)).stream()
                .map(SubmissionSummary::id).toList();
        Map<String, Submission> loaded = new HashMap<>();
        submissions.findAllById(pageIds).forEach(s -> loaded.put(s.getId(), s));
        List<Submission> onPage = pageIds.stream().map(loaded::get).filter(Objects::nonNull).toList();
        Map<String, Account> people = accounts.findAll(onPage.stream().map(Submission::getParticipantId)
                .filter(Objects::nonNull).toList()).stream()
                .collect(Collectors.toMap(Account::getId, Function.identity()));
        List<Row> rows = onPage.stream().map(s -> new Row(s, ownerName(s, people, byId),
                byId.containsKey(s.getInstitutionId()) ? byId.get(s.getInstitutionId()).getName() : "")).toList();
        return new Filtered(rows, counts, all.stream().filter(SubmissionSummary::late).count(), current, pages, shown.size());
    }

    /** Who can submit: the enrolled participants, or for a team exercise their institutions. */
    private List<Owner> owners(Exercise exercise, Map<String, Institution> byId) {
        List<Enrolment> enrolled = enrolments.ofCourse(exercise.getCourseCode()).stream()
                .filter(Enrolment::isActive).toList();
        if (exercise.isTeam()) {
            return enrolled.stream().map(Enrolment::getInstitutionId).distinct()
                    .filter(byId::containsKey).map(id -> new Owner("i:" + id, byId.get(id).getName()))
                    .sorted(Comparator.comparing(Owner::name, PersonOrder.TEXT)).toList();
        }
        return PersonOrder.sorted(accounts.findAll(enrolled.stream().map(Enrolment::getAccountId).toList())).stream()
                .map(a -> new Owner("p:" + a.getId(), a.getFullName())).toList();
    }

    /** Grants (or, with a null date, removes) a due-date extension to one participant or team. */
    public void extend(AulasUser user, String code, int module, String slug, String ownerKey,
            LocalDateTime until) {
        var scope = graderScope(user, code, module, slug);
        Exercise exercise = scope.exercise();
        boolean known = owners(exercise, institutions.byId()).stream().anyMatch(o -> o.key().equals(ownerKey));
        if (!known) {
            throw new ExerciseRefused("ownerKey", "extension.unknownOwner");
        }
        if (until != null && exercise.getDue() != null && !until.isAfter(exercise.getDue())) {
            throw new ExerciseRefused("until", "extension.beforeDue");
        }
        exercise.extend(ownerKey, until);
        try {
            exercises.save(exercise);
        } catch (OptimisticLockingFailureException e) {
            throw new ExerciseRefused(null, "form.conflict");
        }
    }

    public record Pending(Course course, Exercise exercise, long toGrade, long total) {
    }

    public record CourseRow(Exercise exercise, Row row) {
    }

    public record CourseQueue(Course course, List<CourseRow> rows, Map<Submission.Status, Long> counts, long late,
            List<Institution> institutions, List<Exercise> exercises, int page, int pages) {
    }

    /** Every submission of every exercise of a course, with the same filters as an exercise's queue. */
    public CourseQueue courseQueue(AulasUser user, String code, String institutionId, Submission.Status status,
            Boolean late, int page) {
        Course course = access.course(user, code);
        if (!access.grades(user, course)) {
            throw new NotFoundException();
        }
        Map<String, Exercise> byId = exercises.findByCourseCodeAndArchivedFalseOrderByModuleNumberAsc(code).stream()
                .collect(Collectors.toMap(Exercise::getId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<SubmissionSummary> all = byId.keySet().stream().flatMap(e -> submissions.findSummariesByExerciseId(e).stream()).toList();
        Filtered f = filter(all, institutionId, status, late, page, institutions.byId());
        List<CourseRow> rows = f.rows().stream()
                .map(r -> new CourseRow(byId.get(r.submission().getExerciseId()), r)).toList();
        return new CourseQueue(course, rows, f.counts(), f.late(), institutions.all(), List.copyOf(byId.values()),
                f.page(), f.pages());
    }

    /** Across every course this person grades: each exercise with how many submissions wait for a grade. */
    public List<Pending> pending(AulasUser user, List<Course> courses) {
        List<Pending> result = new ArrayList<>();
        for (Course course : courses) {
            if (!access.grades(user, course)) {
                continue;
            }
            for (Exercise exercise : exercises.findByCourseCodeAndArchivedFalseOrderByModuleNumberAsc(course.getCode())) {
                List<SubmissionSummary> list = submissions.findSummariesByExerciseId(exercise.getId());
                result.add(new Pending(course, exercise,
                        list.stream().filter(s -> s.status() == Submission.Status.SUBMITTED).count(), list.size()));
            }
        }
        return result;
    }

    public Page page(AulasUser user, String code, String submissionId) {
        Submission submission = submissions.findById(submissionId).orElseThrow(NotFoundException::new);
        Course course = access.course(user, code);
        if (!submission.getCourseCode().equals(course.getCode()) || !access.grades(user, course)) {
            throw new NotFoundException();
        }
        Exercise exercise = exercises.findById(submission.getExerciseId()).orElseThrow(NotFoundException::new);
        Map<String, Institution> byId = institutions.byId();
        List<String> ids = new ArrayList<>();
        submission.getAttempts().forEach(a -> a.getContributions().forEach(c -> ids.add(c.accountId())));
        submission.getHistory().forEach(h -> ids.add(h.accountId()));
        if (submission.getParticipantId() != null) {
            ids.add(submission.getParticipantId());
        }
        Map<String, Account> accountsById = accounts.findAll(ids).stream()
                .collect(Collectors.toMap(Account::getId, Function.identity()));
        Map<String, String> names = accountsById.values().stream()
                .collect(Collectors.toMap(Account::getId, Account::getFullName));
        return new Page(course, exercise, submission, ownerName(submission, accountsById, byId),
                byId.containsKey(submission.getInstitutionId()) ? byId.get(submission.getInstitutionId()).getName() : "",
                names);
    }

    /** Validates, then writes the grade and its history in one guarded single-document update. */
    public Outcome save(AulasUser user, String code, String submissionId, GradeForm form) {
        Page page = page(user, code, submissionId);
        Exercise exercise = page.exercise();
        Submission submission = page.submission();
        if (!submission.gradable().isSubmitted()) {
            throw new ExerciseRefused(null, "grade.notSubmitted");
        }
        if (form.verdict() == null) {
            throw new ExerciseRefused("verdict", "grade.verdict.required");
        }
        List<Integer> levels = exercise.hasRubric() ? rubricLevels(exercise, form.levels()) : List.of();
        BigDecimal score = exercise.hasRubric() ? rubricScore(exercise, levels) : parseScore(exercise, form.score());
        String feedback = form.feedback() == null ? "" : form.feedback().strip();
        if (feedback.length() > 20_000) {
            throw new ExerciseRefused("feedback", "form.tooLong");
        }
        if (submission.getVersion() == null || submission.getVersion() != form.version()) {
            return new Conflict(submission, form);
        }
        List<Submission.StoredFile> feedbackFiles = storeFeedbackFiles(exercise, submission, form.files());
        Submission.Grade previous = submission.gradable().getGrade();
        List<Submission.StoredFile> allFiles = new ArrayList<>(previous == null ? List.of() : previous.files());
        allFiles.addAll(feedbackFiles);
        submission.grade(new Submission.Grade(score, form.verdict(), feedback, markdown.toSafeHtml(feedback), user.id(),
                clock.instant(), levels, allFiles), clock.instant());
        try {
            Submission saved = submissions.save(submission);
            events.publishEvent(new GradeNotifications.SubmissionGraded(exercise, saved));
            events.publishEvent(SubmissionSaved.of(saved));
            return new Saved(saved, nextToGrade(exercise, saved.getId()));
        } catch (OptimisticLockingFailureException e) {
            feedbackFiles.forEach(f -> courseFiles.delete(f.fileId()));
            return new Conflict(submissions.findById(submissionId).orElseThrow(NotFoundException::new), form);
        }
    }

    /** Feedback files are checked like any upload; on a refusal nothing stays stored. */
    private List<Submission.StoredFile> storeFeedbackFiles(Exercise exercise, Submission submission,
            List<MultipartFile> uploads) {
        List<Submission.StoredFile> stored = new ArrayList<>();
        if (uploads == null) {
            return stored;
        }
        try {
            for (MultipartFile upload : uploads.stream().filter(f -> f != null && !f.isEmpty()).toList()) {
                var f = courseFiles.storeChecked(upload, exercise.getMaxFileMb() * 1024L * 1024L, "files",
                        new Document("submission", submission.getId()).append("source", "feedback"));
                stored.add(new Submission.StoredFile(f.fileId(), f.name(), f.size(), f.contentType(), f.sha256()));
            }
        } catch (UploadRefused e) {
            stored.forEach(f -> courseFiles.delete(f.fileId()));
            throw new ExerciseRefused("files", e.messageKey(), e.args());
        }
        return stored;
    }

    public void release(AulasUser user, String code, int module, String slug) {
        var scope = graderScope(user, code, module, slug);
        Exercise exercise = scope.exercise();
        exercise.release(clock.instant());
        exercises.save(exercise);
        submissions.findByExerciseId(exercise.getId()).stream().filter(s -> s.lastGrade() != null)
                .forEach(s -> notifications.notifyOwners(exercise, s));
    }

    /** Every criterion needs one of its own levels. */
    static List<Integer> rubricLevels(Exercise exercise, List<Integer> chosen) {
        var rubric = exercise.getRubric();
        List<Integer> levels = new ArrayList<>();
        for (int i = 0; i < rubric.size(); i++) {
            Integer level = chosen != null && i < chosen.size() ? chosen.get(i) : null;
            if (level == null) {
                throw new ExerciseRefused("levels", "grade.rubric.missing", rubric.get(i).name());
            }
            if (level < 0 || level >= rubric.get(i).levels().size()) {
                throw new ExerciseRefused("levels", "grade.rubric.invalidLevel", rubric.get(i).name());
            }
            levels.add(level);
        }
        return levels;
    }

    /** The score a grade form would save (typed, or the rubric's levels summed), or null when it would be refused. */
    public static BigDecimal scoreOf(Exercise exercise, GradeForm form) {
        try {
            return exercise.hasRubric() ? rubricScore(exercise, rubricLevels(exercise, form.levels()))
                    : parseScore(exercise, form.score());
        } catch (ExerciseRefused e) {
            return null;
        }
    }

    /** The score follows from the levels chosen: the sum of their points. */
    static BigDecimal rubricScore(Exercise exercise, List<Integer> levels) {
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < levels.size(); i++) {
            total = total.add(exercise.getRubric().get(i).levels().get(levels.get(i)).points());
        }
        return total;
    }

    /** Up to four digits and two decimals, with a comma or a point: 7, 7,5, 7.25. */
    private static final Pattern SCORE = Pattern.compile("\\d{1,4}(\\.\\d{1,2})?");

    static BigDecimal parseScore(Exercise exercise, String text) {
        if (exercise.getScale() == Exercise.Scale.PASS_FAIL) {
            return null;
        }
        if (text == null || text.isBlank()) {
            throw new ExerciseRefused("score", "grade.score.required");
        }
        String typed = text.strip().replace(',', '.');
        if (!SCORE.matcher(typed).matches()) {
            if (typed.matches("-\\d+(\\.\\d+)?")) {
                throw new ExerciseRefused("score", "grade.score.range", exercise.getMaxScore().stripTrailingZeros());
            }
            throw new ExerciseRefused("score", typed.matches("\\d+(\\.\\d+)?") ? "grade.score.precision" : "grade.score.number");
        }
        BigDecimal score = new BigDecimal(typed);
        if (score.signum() < 0 || (exercise.getMaxScore() != null && score.compareTo(exercise.getMaxScore()) > 0)) {
            throw new ExerciseRefused("score", "grade.score.range", exercise.getMaxScore().stripTrailingZeros());
        }
        return score;
    }

    /** The next submission waiting for a grade, for "guardar y siguiente". */
    private String nextToGrade(Exercise exercise, String after) {
        return submissions.findSummariesByExerciseId(exercise.getId()).stream()
                .filter(s -> s.status() == Submission.Status.SUBMITTED && !s.id().equals(after))
                .min(Comparator.comparing(SubmissionSummary::updatedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(SubmissionSummary::id).orElse(null);
    }

    private ExerciseAccess.Scope graderScope(AulasUser user, String code, int module, String slug) {
        return access.graded(user, code, module, slug);
    }

    static String ownerName(Submission s, Map<String, Account> people, Map<String, Institution> institutions) {
        if (s.getParticipantId() != null) {
            Account a = people.get(s.getParticipantId());
            return a == null ? "" : a.getFullName();
        }
        Institution i = institutions.get(s.getInstitutionId());
        return i == null ? "" : i.getName();
    }
}
