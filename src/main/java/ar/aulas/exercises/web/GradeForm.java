package ar.aulas.exercises.web;

import ar.aulas.exercises.Grading;
import ar.aulas.exercises.Submission;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;

public class GradeForm {

    private long version;
    private String score;
    private Submission.Verdict verdict;
    private String feedback;
    private String next;
    private List<Integer> levels = new ArrayList<>();
    private List<MultipartFile> files = new ArrayList<>();

    Grading.GradeForm toForm() {
        return new Grading.GradeForm(version, score, verdict, feedback, levels, files);
    }

    public List<MultipartFile> getFiles() { return files; }
    public void setFiles(List<MultipartFile> files) { this.files = files; }

    public List<Integer> getLevels() { return levels; }
    public void setLevels(List<Integer> levels) { this.levels = levels; }

    boolean isNext() {
        return next != null;
    }

    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
    public String getScore() { return score; }
    public void setScore(String score) { this.score = score; }
    public Submission.Verdict getVerdict() { return verdict; }
    public void setVerdict(Submission.Verdict verdict) { this.verdict = verdict; }
    public String getFeedback() { return feedback; }
    public void setFeedback(String feedback) { this.feedback = feedback; }
    public String getNext() { return next; }
    public void setNext(String next) { this.next = next; }
}
