package ar.aulas.library.web;

import ar.aulas.library.LibraryDocument;
import ar.aulas.library.LibraryRefused;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.web.multipart.MultipartFile;

/** The library's document form: details, and (for a new document) its file or link and a note. */
public class LibraryForm {

    private String title;
    private String description;
    private LibraryDocument.Type type;
    private String year;
    private String language = "es";
    private List<String> institutionIds = new ArrayList<>();
    private String localities;
    private List<Integer> modules = new ArrayList<>();
    private String tags;
    private LibraryDocument.UsageRight usageRight;
    private LibraryDocument.Visibility visibility = LibraryDocument.Visibility.PROGRAMME;
    private String audienceInstitutionId;
    private String url;
    private String note;
    private MultipartFile file;
    private Long version;

    static LibraryForm of(LibraryDocument d) {
        LibraryForm form = new LibraryForm();
        LibraryDocument.Details details = d.details();
        form.title = details.title();
        form.description = details.description();
        form.type = details.type();
        form.year = details.year() == null ? null : String.valueOf(details.year());
        form.language = details.language();
        form.institutionIds = new ArrayList<>(details.institutionIds());
        form.localities = String.join(", ", details.localities());
        form.modules = new ArrayList<>(details.modules());
        form.tags = String.join(", ", details.tags());
        form.usageRight = details.usageRight();
        form.visibility = details.visibility();
        form.audienceInstitutionId = details.audienceInstitutionId();
        form.version = d.getVersion();
        return form;
    }

    /** A new form with what was typed before the session ended (null: an empty one). */
    static LibraryForm restored(Map<String, String> typed) {
        LibraryForm form = new LibraryForm();
        form.fill(typed);
        return form;
    }

    /** Puts back what was typed (the single-valued fields a kept form holds); unknown choices are left unset. */
    void fill(Map<String, String> typed) {
        if (typed == null) {
            return;
        }
        title = typed.getOrDefault("title", title);
        description = typed.getOrDefault("description", description);
        type = choice(LibraryDocument.Type.class, typed.get("type"), type);
        year = typed.getOrDefault("year", year);
        language = typed.getOrDefault("language", language);
        localities = typed.getOrDefault("localities", localities);
        tags = typed.getOrDefault("tags", tags);
        usageRight = choice(LibraryDocument.UsageRight.class, typed.get("usageRight"), usageRight);
        visibility = choice(LibraryDocument.Visibility.class, typed.get("visibility"), visibility);
        audienceInstitutionId = typed.getOrDefault("audienceInstitutionId", audienceInstitutionId);
        url = typed.getOrDefault("url", url);
        note = typed.getOrDefault("note", note);
        if (typed.containsKey("institutionIds")) {
            institutionIds = new ArrayList<>(List.of(typed.get("institutionIds")));
        }
        if (typed.containsKey("modules")) {
            try {
                modules = new ArrayList<>(List.of(Integer.valueOf(typed.get("modules"))));
            } catch (NumberFormatException e) {
                // not a number: left as it was
            }
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, E otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return value.isBlank() ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return otherwise;
        }
    }

    LibraryDocument.Details toDetails() {
        Integer parsedYear = null;
        if (year != null && !year.isBlank()) {
            try {
                parsedYear = Integer.valueOf(year.strip());
            } catch (NumberFormatException e) {
                throw new LibraryRefused("year", "library.year.number");
            }
        }
        return new LibraryDocument.Details(title, description, type, parsedYear, language,
                institutionIds == null ? List.of() : institutionIds, split(localities), modules == null ? List.of() : modules,
                split(tags), usageRight, visibility, audienceInstitutionId);
    }

    private static List<String> split(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,;\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public LibraryDocument.Type getType() { return type; }
    public void setType(LibraryDocument.Type type) { this.type = type; }
    public String getYear() { return year; }
    public void setYear(String year) { this.year = year; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public List<String> getInstitutionIds() { return institutionIds; }
    public void setInstitutionIds(List<String> institutionIds) { this.institutionIds = institutionIds; }
    public String getLocalities() { return localities; }
    public void setLocalities(String localities) { this.localities = localities; }
    public List<Integer> getModules() { return modules; }
    public void setModules(List<Integer> modules) { this.modules = modules; }
    public String getTags() { return tags; }
    public void setTags(String tags) { this.tags = tags; }
    public LibraryDocument.UsageRight getUsageRight() { return usageRight; }
    public void setUsageRight(LibraryDocument.UsageRight usageRight) { this.usageRight = usageRight; }
    public LibraryDocument.Visibility getVisibility() { return visibility; }
    public void setVisibility(LibraryDocument.Visibility visibility) { this.visibility = visibility; }
    public String getAudienceInstitutionId() { return audienceInstitutionId; }
    public void setAudienceInstitutionId(String audienceInstitutionId) { this.audienceInstitutionId = audienceInstitutionId; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public MultipartFile getFile() { return file; }
    public void setFile(MultipartFile file) { this.file = file; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
