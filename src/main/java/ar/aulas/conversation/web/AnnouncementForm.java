package ar.aulas.conversation.web;

import ar.aulas.conversation.Announcements;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/** A convocatoria as typed: audience (empty: the whole course), optional publication time and pinned date. */
public class AnnouncementForm {

    private String title;
    private String text;
    private String institutionId;
    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime publishAt;
    @DateTimeFormat(pattern = "yyyy-MM-dd")
    private LocalDate pinnedUntil;
    private List<MultipartFile> files = new ArrayList<>();
    private boolean allCourses;

    Announcements.Draft toDraft() {
        return new Announcements.Draft(title, text, institutionId, publishAt, pinnedUntil, files, allCourses);
    }

    static AnnouncementForm restored(Map<String, String> typed) {
        AnnouncementForm form = new AnnouncementForm();
        if (typed != null) {
            form.title = typed.get("title");
            form.text = typed.get("text");
            form.institutionId = typed.get("institutionId");
            form.allCourses = "true".equals(typed.get("allCourses"));
        }
        return form;
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getInstitutionId() { return institutionId; }
    public void setInstitutionId(String institutionId) { this.institutionId = institutionId; }
    public LocalDateTime getPublishAt() { return publishAt; }
    public void setPublishAt(LocalDateTime publishAt) { this.publishAt = publishAt; }
    public LocalDate getPinnedUntil() { return pinnedUntil; }
    public void setPinnedUntil(LocalDate pinnedUntil) { this.pinnedUntil = pinnedUntil; }
    public List<MultipartFile> getFiles() { return files; }
    public boolean isAllCourses() { return allCourses; }
    public void setAllCourses(boolean allCourses) { this.allCourses = allCourses; }
    public void setFiles(List<MultipartFile> files) { this.files = files; }
}
