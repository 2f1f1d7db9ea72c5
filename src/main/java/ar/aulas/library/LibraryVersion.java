package ar.aulas.library;

import ar.aulas.courses.Material;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/** One version of a document, kept for ever: its file or link, who made it, when, and their note. */
@Document("library_versions")
@CompoundIndexes({
    @CompoundIndex(name = "document_number", def = "{'documentId': 1, 'number': 1}", unique = true),
    @CompoundIndex(name = "file_sha256", def = "{'file.sha256': 1}")
})
public class LibraryVersion {

    @Id
    private String id;
    private String documentId;
    private int number;
    private LibraryDocument.Kind kind;
    private Material.StoredFile file;
    private String url;
    private String note;
    private String byId;
    private String byName;
    private Instant at;
    /** The earlier version this one restored, if it is a restore. */
    private Integer restoredFrom;

    protected LibraryVersion() {
    }

    LibraryVersion(String documentId, int number, LibraryDocument.Kind kind, Material.StoredFile file, String url, String note,
            String byId, String byName, Instant at, Integer restoredFrom) {
        this.documentId = documentId;
        this.number = number;
        this.kind = kind;
        this.file = file;
        this.url = url;
        this.note = note;
        this.byId = byId;
        this.byName = byName;
        this.at = at;
        this.restoredFrom = restoredFrom;
    }

    public String getId() { return id; }
    public String getDocumentId() { return documentId; }
    public int getNumber() { return number; }
    public LibraryDocument.Kind getKind() { return kind; }
    public Material.StoredFile getFile() { return file; }
    public String getUrl() { return url; }
    public String getNote() { return note; }
    public String getById() { return byId; }
    public String getByName() { return byName; }
    public Instant getAt() { return at; }
    public Integer getRestoredFrom() { return restoredFrom; }
}
