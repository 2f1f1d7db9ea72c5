package ar.aulas.exercises.web;

import ar.aulas.exercises.Exercise;
import ar.aulas.exercises.ExerciseSettings;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.springframework.format.annotation.DateTimeFormat;

public class SettingsForm {

    private long version;
    private String title;
    private String instructions;
    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime opens;
    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime due;
    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime cutoff;
    private Exercise.Mode mode;
    private Exercise.Scale scale;
    private BigDecimal maxScore;
    private BigDecimal passMark;
    private boolean allowText;
    private boolean allowFiles;
    private int maxFiles;
    private int maxFileMb;
    private boolean releaseImmediately;
    private String rubric;

    static SettingsForm of(Exercise e) {
        SettingsForm f = new SettingsForm();
        f.version = e.getVersion() == null ? 0 : e.getVersion();
        f.title = e.getTitle();
        f.instructions = e.getInstructionsMarkdown();
        f.opens = e.getOpens();
        f.due = e.getDue();
        f.cutoff = e.getCutoff();
        f.mode = e.getMode();
        f.scale = e.getScale();
        f.maxScore = e.getMaxScore();
        f.passMark = e.getPassMark();
        f.allowText = e.isAllowText();
        f.allowFiles = e.isAllowFiles();
        f.maxFiles = e.getMaxFiles();
        f.maxFileMb = e.getMaxFileMb();
        f.releaseImmediately = e.isReleaseImmediately();
        f.rubric = ExerciseSettings.format(e.getRubric());
        return f;
    }

    ExerciseSettings.Settings toSettings() {
        return new ExerciseSettings.Settings(version, title, instructions, opens, due, cutoff, mode, scale, maxScore,
                passMark, allowText, allowFiles, maxFiles, maxFileMb, releaseImmediately, rubric);
    }

    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getInstructions() { return instructions; }
    public void setInstructions(String instructions) { this.instructions = instructions; }
    public LocalDateTime getOpens() { return opens; }
    public void setOpens(LocalDateTime opens) { this.opens = opens; }
    public LocalDateTime getDue() { return due; }
    public void setDue(LocalDateTime due) { this.due = due; }
    public LocalDateTime getCutoff() { return cutoff; }
    public void setCutoff(LocalDateTime cutoff) { this.cutoff = cutoff; }
    public Exercise.Mode getMode() { return mode; }
    public void setMode(Exercise.Mode mode) { this.mode = mode; }
    public Exercise.Scale getScale() { return scale; }
    public void setScale(Exercise.Scale scale) { this.scale = scale; }
    public BigDecimal getMaxScore() { return maxScore; }
    public void setMaxScore(BigDecimal maxScore) { this.maxScore = maxScore; }
    public BigDecimal getPassMark() { return passMark; }
    public void setPassMark(BigDecimal passMark) { this.passMark = passMark; }
    public boolean isAllowText() { return allowText; }
    public void setAllowText(boolean allowText) { this.allowText = allowText; }
    public boolean isAllowFiles() { return allowFiles; }
    public void setAllowFiles(boolean allowFiles) { this.allowFiles = allowFiles; }
    public int getMaxFiles() { return maxFiles; }
    public void setMaxFiles(int maxFiles) { this.maxFiles = maxFiles; }
    public int getMaxFileMb() { return maxFileMb; }
    public void setMaxFileMb(int maxFileMb) { this.maxFileMb = maxFileMb; }
    public boolean isReleaseImmediately() { return releaseImmediately; }
    public String getRubric() { return rubric; }
    public void setRubric(String rubric) { this.rubric = rubric; }
    public void setReleaseImmediately(boolean releaseImmediately) { this.releaseImmediately = releaseImmediately; }
}
