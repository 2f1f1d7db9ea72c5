package ar.aulas.library;

import ar.aulas.accounts.AulasUser;
import ar.aulas.shared.Salta;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The library's audit: every upload, approval, return, restore and archive with who and when, staff downloads,
 * and anonymous downloads counted per document and day (no address or person kept).
 */
@Component
class LibraryAudit {

    /** Anonymous downloads of one document on one day ({@code <documentId>|<yyyy-MM-dd>}). */
    @Document("library_public_downloads")
    @CompoundIndex(name = "document_day", def = "{'documentId': 1, 'day': 1}")
    record PublicDownloads(@Id String id, String documentId, String day, long count) {
    }

    private final LibraryEventRepository events;
    private final MongoTemplate mongo;
    private final Clock clock;

    LibraryAudit(LibraryEventRepository events, MongoTemplate mongo, Clock clock) {
        this.events = events;
        this.mongo = mongo;
        this.clock = clock;
    }

    void record(String documentId, LibraryEvent.Action action, AulasUser by, String detail) {
        events.insert(new LibraryEvent(documentId, action, by == null ? null : by.id(), by == null ? null : by.fullName(),
                clock.instant(), detail));
    }

    List<LibraryEvent> latest(String documentId, int count) {
        return events.findByDocumentIdOrderByAtDesc(documentId, PageRequest.of(0, count));
    }

    /** One more anonymous download of the document today (programme time). */
    void publicDownload(String documentId) {
        String day = LocalDate.now(clock.withZone(Salta.ZONE)).toString();
        mongo.findAndModify(Query.query(Criteria.where("_id").is(documentId + "|" + day)),
                new Update().inc("count", 1).set("documentId", documentId).set("day", day),
                FindAndModifyOptions.options().upsert(true).returnNew(true), PublicDownloads.class);
    }

    /** Anonymous downloads of the document, all days together. */
    long publicDownloads(String documentId) {
        return mongo.find(Query.query(Criteria.where("documentId").is(documentId)), PublicDownloads.class).stream()
                .mapToLong(PublicDownloads::count).sum();
    }
}
