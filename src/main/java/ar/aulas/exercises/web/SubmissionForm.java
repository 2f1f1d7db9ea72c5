package ar.aulas.exercises.web;

import ar.aulas.exercises.SubmissionWork;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.web.multipart.MultipartFile;

/** Only text, files and the form token are bound: a posted score, status or owner is ignored. */
public class SubmissionForm {

    private String text;
    private List<MultipartFile> files = new ArrayList<>();
    private Set<String> removeFileIds = new HashSet<>();
    private String action = "draft";
    private String token;
    private boolean replaceFiles;

    SubmissionWork.Work toWork() {
        return new SubmissionWork.Work(text, files, removeFileIds, isSubmitting(), token, replaceFiles);
    }

    boolean isSubmitting() {
        return "submit".equals(action);
    }

    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public List<MultipartFile> getFiles() { return files; }
    public void setFiles(List<MultipartFile> files) { this.files = files; }
    public Set<String> getRemoveFileIds() { return removeFileIds; }
    public void setRemoveFileIds(Set<String> removeFileIds) { this.removeFileIds = removeFileIds; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public boolean isReplaceFiles() { return replaceFiles; }
    public void setReplaceFiles(boolean replaceFiles) { this.replaceFiles = replaceFiles; }
    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
}
