package ar.aulas.library;

import ar.aulas.courses.Material;
import ar.aulas.shared.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One document of the library: what it is (title, description, type, year, language), what it concerns
 * (institutions, localities, encounters, tags), its usage right and who may see it, and its current version
 * (a file or a link; earlier ones are {@link LibraryVersion}s). {@code searchable} holds the title, description
 * and tags folded (no accents, lower case) for the search.
 */
@Document("library_documents")
@CompoundIndexes({
    // the two orders of the search, read in order and stopped at the page (newest first reads it backwards)
    @CompoundIndex(name = "status_recent", def = "{'status': 1, 'publishedAt': -1, '_id': -1}"),
    @CompoundIndex(name = "status_title", def = "{'status': 1, 'titleSort': 1, '_id': 1}"),
    // what a participant may see, counted from the index: {status, visibility} and {audienceInstitutionId, status}
    @CompoundIndex(name = "status_visibility", def = "{'status': 1, 'visibility': 1}"),
    @CompoundIndex(name = "keywords_status", def = "{'keywords': 1, 'status': 1}"),
    @CompoundIndex(name = "type_status", def = "{'type': 1, 'status': 1}"),
    @CompoundIndex(name = "localities_status", def = "{'localities': 1, 'status': 1}"),
    @CompoundIndex(name = "institutions_status", def = "{'institutionIds': 1, 'status': 1}"),
    @CompoundIndex(name = "proposer", def = "{'proposedById': 1, 'createdAt': -1}"),
    @CompoundIndex(name = "institution_status", def = "{'audienceInstitutionId': 1, 'status': 1}")
})
public class LibraryDocument {

    public enum Type { REPORT, MAP, REGULATION, DATA, PRESENTATION, GUIDE, OTHER }

    public enum UsageRight { INTERNAL, CC_BY, PUBLIC_DOMAIN, AUTHOR_PERMISSION }

    public enum Visibility { PROGRAMME, INSTITUTION, PUBLIC }

    public enum Status { PROPOSED, RETURNED, PUBLISHED, ARCHIVED }

    public enum Kind { FILE, LINK }

    /** What a person types about a document; the same for a proposal, a librarian's upload and an edit. */
    public record Details(String title, String description, Type type, Integer year, String language,
            List<String> institutionIds, List<String> localities, List<Integer> modules, List<String> tags,
            UsageRight usageRight, Visibility visibility, String audienceInstitutionId) {
    }

    @Id
    private String id;
    private String title;
    private String titleSort;
    private String description;
    private Type type;
    private Integer year;
    private String language;
    private List<String> institutionIds = new ArrayList<>();
    private List<String> localities = new ArrayList<>();
    private List<Integer> modules = new ArrayList<>();
    private List<String> tags = new ArrayList<>();
    private UsageRight usageRight;
    private Visibility visibility;
    private String audienceInstitutionId;
    private Status status;
    private Kind kind;
    private String url;
    private Material.StoredFile file;
    private int currentVersion;
    private String searchable;
    /** Each word of the title, description and tags folded, as its prefixes of 3 to 12 letters: what a search word finds. */
    private List<String> keywords = new ArrayList<>();
    private String proposedById;
    private String proposedByName;
    private String proposerInstitutionId;
    private String returnReason;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant publishedAt;
    @Version
    private Long version;

    protected LibraryDocument() {
    }

    LibraryDocument(Details details, String proposedById, String proposedByName, String proposerInstitutionId, Instant now) {
        this.proposedById = proposedById;
        this.proposedByName = proposedByName;
        this.proposerInstitutionId = proposerInstitutionId;
        this.createdAt = now;
        this.status = Status.PROPOSED;
        describe(details, now);
    }

    void describe(Details d, Instant now) {
        this.title = d.title();
        this.titleSort = Text.searchable(d.title());
        this.description = d.description();
        this.type = d.type();
        this.year = d.year();
        this.language = d.language();
        this.institutionIds = new ArrayList<>(d.institutionIds());
        this.localities = new ArrayList<>(d.localities());
        this.modules = new ArrayList<>(d.modules());
        this.tags = new ArrayList<>(d.tags());
        this.usageRight = d.usageRight();
        this.visibility = d.visibility();
        this.audienceInstitutionId = d.visibility() == Visibility.INSTITUTION ? d.audienceInstitutionId() : null;
        this.searchable = Text.searchable(String.join(" ", d.title(), d.description() == null ? "" : d.description(),
                String.join(" ", d.tags())));
        this.keywords = keywords(searchable);
        this.updatedAt = now;
    }

    void current(int number, Kind kind, Material.StoredFile file, String url, Instant now) {
        this.currentVersion = number;
        this.kind = kind;
        this.file = file;
        this.url = url;
        this.updatedAt = now;
    }

    void publish(Instant now) {
        this.status = Status.PUBLISHED;
        this.returnReason = null;
        if (publishedAt == null) {
            publishedAt = now;
        }
        this.updatedAt = now;
    }

    void giveBack(String reason, Instant now) {
        this.status = Status.RETURNED;
        this.returnReason = reason;
        this.updatedAt = now;
    }

    void resubmit(Instant now) {
        this.status = Status.PROPOSED;
        this.updatedAt = now;
    }

    void archive(Instant now) {
        this.status = Status.ARCHIVED;
        this.updatedAt = now;
    }

    static final int MIN_KEYWORD = 3;
    static final int MAX_KEYWORD = 12;

    /** The prefixes (3 to 12 letters) of every word of a folded text, each once. */
    static List<String> keywords(String folded) {
        Set<String> out = new LinkedHashSet<>();
        for (String word : folded.split("[^\\p{L}\\p{N}]+")) {
            for (int n = MIN_KEYWORD; n <= Math.min(MAX_KEYWORD, word.length()); n++) {
                out.add(word.substring(0, n));
            }
        }
        return new ArrayList<>(out);
    }

    /** The keyword a search word is looked up by (its first 12 letters), or null when it is shorter than 3. */
    static String keyword(String word) {
        return word.length() < MIN_KEYWORD ? null : word.substring(0, Math.min(MAX_KEYWORD, word.length()));
    }

    public Details details() {
        return new Details(title, description, type, year, language, getInstitutionIds(), getLocalities(), getModules(),
                getTags(), usageRight, visibility, audienceInstitutionId);
    }

    public boolean isPublished() { return status == Status.PUBLISHED; }
    public boolean isPublic() { return status == Status.PUBLISHED && visibility == Visibility.PUBLIC; }

    public String getId() { return id; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public Type getType() { return type; }
    public Integer getYear() { return year; }
    public String getLanguage() { return language; }
    public List<String> getInstitutionIds() { return institutionIds == null ? List.of() : institutionIds; }
    public List<String> getLocalities() { return localities == null ? List.of() : localities; }
    public List<Integer> getModules() { return modules == null ? List.of() : modules; }
    public List<String> getTags() { return tags == null ? List.of() : tags; }
    public UsageRight getUsageRight() { return usageRight; }
    public Visibility getVisibility() { return visibility; }
    public String getAudienceInstitutionId() { return audienceInstitutionId; }
    public Status getStatus() { return status; }
    public Kind getKind() { return kind; }
    public String getUrl() { return url; }
    public Material.StoredFile getFile() { return file; }
    public int getCurrentVersion() { return currentVersion; }
    public String getProposedById() { return proposedById; }
    public String getProposedByName() { return proposedByName; }
    public String getProposerInstitutionId() { return proposerInstitutionId; }
    public String getReturnReason() { return returnReason; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getPublishedAt() { return publishedAt; }
    public Long getVersion() { return version; }
}
