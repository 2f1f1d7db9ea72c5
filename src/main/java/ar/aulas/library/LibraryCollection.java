package ar.aulas.library;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/** A curated collection ("Estado de situación — insumos"): its documents in the order the curators gave them. */
@Document("library_collections")
@CompoundIndexes({
    @CompoundIndex(name = "position", def = "{'position': 1}"),
    @CompoundIndex(name = "documents", def = "{'documentIds': 1}")
})
public class LibraryCollection {

    @Id
    private String id;
    private String title;
    private String description;
    private List<String> documentIds = new ArrayList<>();
    private int position;
    private String byId;
    private Instant createdAt;
    @Version
    private Long version;

    protected LibraryCollection() {
    }

    LibraryCollection(String title, String description, int position, String byId, Instant now) {
        this.title = title;
        this.description = description;
        this.position = position;
        this.byId = byId;
        this.createdAt = now;
    }

    boolean add(String documentId) {
        if (documentIds.contains(documentId)) {
            return false;
        }
        documentIds.add(documentId);
        return true;
    }

    boolean remove(String documentId) {
        return documentIds.remove(documentId);
    }

    /** Moves a document one place up (−1) or down (+1); false when it cannot move. */
    boolean move(String documentId, int by) {
        int at = documentIds.indexOf(documentId);
        int to = at + by;
        if (at < 0 || to < 0 || to >= documentIds.size()) {
            return false;
        }
        documentIds.remove(at);
        documentIds.add(to, documentId);
        return true;
    }

    public String getId() { return id; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public List<String> getDocumentIds() { return documentIds == null ? List.of() : documentIds; }
    public int getPosition() { return position; }
    public Instant getCreatedAt() { return createdAt; }
    public Long getVersion() { return version; }
}
