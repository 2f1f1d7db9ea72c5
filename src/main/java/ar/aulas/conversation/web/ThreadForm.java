package ar.aulas.conversation.web;

import ar.aulas.conversation.Debates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.multipart.MultipartFile;

/** A new thread (or question): only these fields are bound. */
public class ThreadForm {

    private String title;
    private String text;
    private List<MultipartFile> files = new ArrayList<>();
    private boolean sharedWithTeam;

    Debates.NewThread toData() {
        return new Debates.NewThread(title, text, files, sharedWithTeam);
    }

    static ThreadForm restored(Map<String, String> typed) {
        ThreadForm form = new ThreadForm();
        if (typed != null) {
            form.title = typed.get("title");
            form.text = typed.get("text");
            form.sharedWithTeam = "true".equals(typed.get("sharedWithTeam"));
        }
        return form;
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public List<MultipartFile> getFiles() { return files; }
    public void setFiles(List<MultipartFile> files) { this.files = files; }
    public boolean isSharedWithTeam() { return sharedWithTeam; }
    public void setSharedWithTeam(boolean sharedWithTeam) { this.sharedWithTeam = sharedWithTeam; }
}
