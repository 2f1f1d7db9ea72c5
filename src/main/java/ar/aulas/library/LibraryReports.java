package ar.aulas.library;

import ar.aulas.accounts.AulasUser;
import ar.aulas.courses.Material;
import ar.aulas.shared.Salta;
import ar.aulas.shared.files.BytesUpload;
import java.time.Clock;
import java.time.Year;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Service;

/**
 * Reports Aulas makes, published to the library in one click: each report has one document (an institution's
 * "Informe de participación" of a course), and publishing it again adds a version. The caller has already
 * checked that the person may make the report; the document is for that institution's people and the librarians
 * (it names people), for internal use.
 */
@Service
public class LibraryReports {

    /** Which document holds a report: {@code participation|<course>|<institution>} → its id. */
    @Document("library_reports")
    record ReportDocument(@Id String key, String documentId) {
    }

    private final MongoTemplate mongo;
    private final LibraryDocumentRepository documents;
    private final LibraryVersionRepository versions;
    private final LibraryContributions contributions;
    private final LibraryFiles files;
    private final LibraryAudit audit;
    private final Clock clock;

    LibraryReports(MongoTemplate mongo, LibraryDocumentRepository documents, LibraryVersionRepository versions,
            LibraryContributions contributions, LibraryFiles files, LibraryAudit audit, Clock clock) {
        this.mongo = mongo;
        this.documents = documents;
        this.versions = versions;
        this.contributions = contributions;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
    }

    /** Publishes an institution's participation report (a PDF) as a new version of its document; returns the document. */
    public LibraryDocument participation(AulasUser user, String courseCode, String courseTitle, String institutionId,
            String institutionName, byte[] pdf, String fileName) {
        String key = "participation|" + courseCode + "|" + institutionId;
        Material.StoredFile file = files.store(new BytesUpload(fileName, "application/pdf", pdf));
        String note = "Informe generado por Aulas";
        ReportDocument known = mongo.findById(key, ReportDocument.class);
        if (known != null) {
            LibraryDocument d = documents.findById(known.documentId()).orElse(null);
            if (d != null && d.getStatus() != LibraryDocument.Status.ARCHIVED) {
                return version(user, d, file, note);
            }
            mongo.remove(known);
        }
        var now = clock.instant();
        var details = new LibraryDocument.Details("Informe de participación — " + institutionName + " — " + courseTitle,
                "La participación de " + institutionName + " en " + courseTitle + ": inscriptos, asistencia por encuentro, "
                        + "entregas, aprobaciones y certificados, como los calcula Aulas.",
                LibraryDocument.Type.REPORT, Year.now(clock.withZone(Salta.ZONE)).getValue(), "es",
                List.of(institutionId), List.of(), List.of(), List.of("informe de participación", courseCode.toLowerCase()),
                LibraryDocument.UsageRight.INTERNAL, LibraryDocument.Visibility.INSTITUTION, institutionId);
        LibraryDocument d = new LibraryDocument(details, user.id(), user.fullName(), user.institutionId(), now);
        d.current(1, LibraryDocument.Kind.FILE, file, null, now);
        d.publish(now);
        LibraryDocument saved = documents.insert(d);
        try {
            mongo.insert(new ReportDocument(key, saved.getId()));
        } catch (DuplicateKeyException e) {
            // someone published the same report at the same moment: theirs is the document, this becomes a version of it
            documents.delete(saved);
            ReportDocument theirs = mongo.findById(key, ReportDocument.class);
            LibraryDocument other = documents.findById(theirs.documentId()).orElseThrow();
            return version(user, other, file, note);
        }
        versions.insert(new LibraryVersion(saved.getId(), 1, LibraryDocument.Kind.FILE, file, null, note, user.id(),
                user.fullName(), now, null));
        audit.record(saved.getId(), LibraryEvent.Action.PUBLISHED, user, "1");
        return saved;
    }

    private LibraryDocument version(AulasUser user, LibraryDocument d, Material.StoredFile file, String note) {
        LibraryVersion v = contributions.write(user, d, LibraryDocument.Kind.FILE, file, null, note, null, null);
        audit.record(d.getId(), LibraryEvent.Action.VERSION, user, String.valueOf(v.getNumber()));
        return documents.findById(d.getId()).orElseThrow();
    }
}
