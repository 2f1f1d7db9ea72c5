package ar.aulas.courses.web;

import ar.aulas.courses.Material;
import ar.aulas.courses.Materials;
import org.springframework.web.multipart.MultipartFile;

public class MaterialForm {

    private Material.Kind kind = Material.Kind.FILE;
    private String title;
    private String description;
    private String url;
    private String note;
    private MultipartFile file;
    private long version;

    static MaterialForm of(Material material) {
        MaterialForm form = new MaterialForm();
        form.kind = material.getKind();
        form.title = material.getTitle();
        form.description = material.getDescription();
        form.url = material.getUrl();
        form.note = material.getNoteMarkdown();
        form.version = material.getVersion() == null ? 0 : material.getVersion();
        return form;
    }

    Materials.MaterialData toData() {
        return new Materials.MaterialData(kind, title, description, url, note, file);
    }

    public Material.Kind getKind() { return kind; }
    public void setKind(Material.Kind kind) { this.kind = kind; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public MultipartFile getFile() { return file; }
    public void setFile(MultipartFile file) { this.file = file; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
}
