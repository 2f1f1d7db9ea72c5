package ar.aulas.library;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** What happened to a document, for its audit: who, when, what, and a detail (a version, a reason). */
@Document("library_audit")
@CompoundIndex(name = "document_at", def = "{'documentId': 1, 'at': -1}")
public class LibraryEvent {

    public enum Action { PROPOSED, PUBLISHED, APPROVED, RETURNED, EDITED, VERSION, RESTORED, ARCHIVED, DOWNLOADED }

    @Id
    private String id;
    private String documentId;
    private Action action;
    private String byId;
    private String byName;
    private Instant at;
    private String detail;

    protected LibraryEvent() {
    }

    LibraryEvent(String documentId, Action action, String byId, String byName, Instant at, String detail) {
        this.documentId = documentId;
        this.action = action;
        this.byId = byId;
        this.byName = byName;
        this.at = at;
        this.detail = detail;
    }

    public String getId() { return id; }
    public String getDocumentId() { return documentId; }
    public Action getAction() { return action; }
    public String getById() { return byId; }
    public String getByName() { return byName; }
    public Instant getAt() { return at; }
    public String getDetail() { return detail; }
}
