package ar.aulas.exercises;

import ar.aulas.courses.DeclaredExercise;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An exercise of a module. Created from the course files (id {@code <course>/<module>/<slug>});
 * once a trainer edits it in the UI, later syncs no longer overwrite it.
 */
@Document("exercises")
public class Exercise {

    public enum Mode { INDIVIDUAL, TEAM }

    public enum Scale { POINTS, PASS_FAIL }

    @Id
    private String id;
    @Indexed
    private String courseCode;
    private int moduleNumber;
    private String slug;
    private String title;
    private String instructionsMarkdown;
    private String instructionsHtml;
    /** Course-local date-times (the course's time zone). */
    private LocalDateTime opens;
    private LocalDateTime due;
    /** After the due date submissions are accepted and marked late until this moment; null = always accepted. */
    private LocalDateTime cutoff;
    private Scale scale;
    private BigDecimal maxScore;
    private BigDecimal passMark;
    private Mode mode;
    /** Optional rubric: the score is the sum of the points of the levels a grader chooses. */
    private List<DeclaredExercise.Criterion> rubric = new ArrayList<>();
    private boolean allowText;
    private boolean allowFiles;
    private int maxFiles;
    private int maxFileMb;
    /** Individual (or team) due-date extensions, by owner key ("p:<account>" or "i:<institution>"). */
    private Map<String, LocalDateTime> extensions = new HashMap<>();
    private boolean releaseImmediately;
    private Instant releasedAt;
    private String sourceHash;
    private boolean editedInUi;
    private boolean archived;
    @Version
    private Long version;

    protected Exercise() {
    }

    Exercise(String courseCode, int moduleNumber, String slug) {
        this.id = courseCode + "/" + moduleNumber + "/" + slug;
        this.courseCode = courseCode;
        this.moduleNumber = moduleNumber;
        this.slug = slug;
        this.maxFiles = 5;
        this.maxFileMb = 10;
        this.releaseImmediately = true;
    }

    void define(String title, String instructionsMarkdown, String instructionsHtml, LocalDateTime opens,
            LocalDateTime due, LocalDateTime cutoff, Scale scale, BigDecimal maxScore, BigDecimal passMark, Mode mode,
            boolean allowText, boolean allowFiles) {
        this.title = title;
        this.instructionsMarkdown = instructionsMarkdown;
        this.instructionsHtml = instructionsHtml;
        this.opens = opens;
        this.due = due;
        this.cutoff = cutoff;
        this.scale = scale;
        this.maxScore = maxScore;
        this.passMark = passMark;
        this.mode = mode;
        this.allowText = allowText;
        this.allowFiles = allowFiles;
        this.archived = false;
    }

    void rubric(List<DeclaredExercise.Criterion> rubric) {
        this.rubric = rubric == null ? new ArrayList<>() : new ArrayList<>(rubric);
    }

    public List<DeclaredExercise.Criterion> getRubric() {
        return rubric == null ? List.of() : rubric;
    }

    public boolean hasRubric() {
        return !getRubric().isEmpty();
    }

    void syncedFrom(String sourceHash) {
        this.sourceHash = sourceHash;
    }

    void markEditedInUi() {
        this.editedInUi = true;
    }

    void settings(boolean releaseImmediately, int maxFiles, int maxFileMb) {
        this.releaseImmediately = releaseImmediately;
        this.maxFiles = maxFiles;
        this.maxFileMb = maxFileMb;
    }

    void release(Instant at) {
        this.releasedAt = at;
    }

    void archive() {
        this.archived = true;
    }

    /** Participants see grades and feedback once released (at once, or when the trainer releases them). */
    public boolean gradesVisible() {
        return releaseImmediately || releasedAt != null;
    }

    /** The due date that applies to an owner: theirs if they were granted an extension. */
    public LocalDateTime dueFor(String ownerKey) {
        LocalDateTime extension = extensions == null ? null : extensions.get(ownerKey);
        return extension != null && (due == null || extension.isAfter(due)) ? extension : due;
    }

    /** The cut-off that applies to an owner: an extension beyond the cut-off moves it too. */
    public LocalDateTime cutoffFor(String ownerKey) {
        LocalDateTime own = dueFor(ownerKey);
        return cutoff == null ? null : (own != null && own.isAfter(cutoff) ? own : cutoff);
    }

    void extend(String ownerKey, LocalDateTime until) {
        if (extensions == null) {
            extensions = new HashMap<>();
        }
        if (until == null) {
            extensions.remove(ownerKey);
        } else {
            extensions.put(ownerKey, until);
        }
    }

    public Map<String, LocalDateTime> getExtensions() {
        return extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    /** Whose work a submission to this exercise is: the institution's team, or the person alone. */
    public String ownerKeyOf(String accountId, String institutionId) {
        return isTeam() ? "i:" + institutionId : "p:" + accountId;
    }

    public boolean isTeam() {
        return mode == Mode.TEAM;
    }

    public String getId() { return id; }
    public String getCourseCode() { return courseCode; }
    public int getModuleNumber() { return moduleNumber; }
    public String getSlug() { return slug; }
    public String getTitle() { return title; }
    public String getInstructionsMarkdown() { return instructionsMarkdown; }
    public String getInstructionsHtml() { return instructionsHtml; }
    public LocalDateTime getOpens() { return opens; }
    public LocalDateTime getDue() { return due; }
    public LocalDateTime getCutoff() { return cutoff; }
    public Scale getScale() { return scale; }
    public BigDecimal getMaxScore() { return maxScore; }
    public BigDecimal getPassMark() { return passMark; }
    public Mode getMode() { return mode; }
    public boolean isAllowText() { return allowText; }
    public boolean isAllowFiles() { return allowFiles; }
    public int getMaxFiles() { return maxFiles; }
    public int getMaxFileMb() { return maxFileMb; }
    public boolean isReleaseImmediately() { return releaseImmediately; }
    public Instant getReleasedAt() { return releasedAt; }
    public String getSourceHash() { return sourceHash; }
    public boolean isEditedInUi() { return editedInUi; }
    public boolean isArchived() { return archived; }
    public Long getVersion() { return version; }
}
