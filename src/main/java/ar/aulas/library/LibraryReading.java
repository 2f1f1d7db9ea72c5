package ar.aulas.library;

import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.Role;
import ar.aulas.courses.Material;
import ar.aulas.institutions.Institution;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.shared.web.NotFoundException;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * A document's page (details, history, what the person may do with it) and its files, each version
 * downloadable; staff downloads are audited, anonymous ones counted per day. A public page tells nothing
 * about people: no proposer, no version authors, no audit.
 */
@Service
public class LibraryReading {

    /** What a document's page shows, and which of its actions the person gets. */
    public record Page(LibraryDocument document, List<LibraryVersion> versions, List<LibraryEvent> events,
            Map<String, Institution> institutions, boolean librarian, boolean mayEdit, boolean mayReview, boolean mayPurge,
            long publicDownloads) {

        public String institutionName(String id) {
            Institution i = id == null ? null : institutions.get(id);
            return i == null ? "" : i.getName();
        }
    }

    private final LibraryDocumentRepository documents;
    private final LibraryVersionRepository versions;
    private final LibraryAccess access;
    private final LibraryAudit audit;
    private final LibraryFiles files;
    private final InstitutionDirectory institutions;

    LibraryReading(LibraryDocumentRepository documents, LibraryVersionRepository versions, LibraryAccess access,
            LibraryAudit audit, LibraryFiles files, InstitutionDirectory institutions) {
        this.documents = documents;
        this.versions = versions;
        this.access = access;
        this.audit = audit;
        this.files = files;
        this.institutions = institutions;
    }

    public Page page(AulasUser user, String id) {
        LibraryDocument d = access.readable(user, documents.findById(id).orElse(null));
        boolean librarian = access.librarian(user);
        return new Page(d, versions.findByDocumentIdOrderByNumberDesc(id), librarian ? audit.latest(id, 50) : List.of(),
                institutions.byId(), librarian, access.mayEdit(user, d),
                librarian && d.getStatus() == LibraryDocument.Status.PROPOSED,
                user.has(Role.ADMIN) && d.getStatus() == LibraryDocument.Status.ARCHIVED,
                librarian ? audit.publicDownloads(id) : 0);
    }

    /** The public page of a document published as public; anything else is 404. */
    public Page publicPage(String id) {
        LibraryDocument d = access.readable(null, documents.findById(id).orElse(null));
        return new Page(d, List.of(), List.of(), institutions.byId(), false, false, false, false, 0);
    }

    /** A version's file ({@code number} null: the current one), inline when asked and its type allows. */
    public ResponseEntity<InputStreamResource> file(AulasUser user, String id, Integer number, boolean inline) {
        LibraryDocument d = access.readable(user, documents.findById(id).orElse(null));
        Material.StoredFile file;
        if (number == null || number == d.getCurrentVersion()) {
            file = d.getFile();
        } else {
            if (user == null) {
                throw new NotFoundException();
            }
            file = versions.findByDocumentIdAndNumber(id, number).map(LibraryVersion::getFile).orElse(null);
        }
        if (file == null) {
            throw new NotFoundException();
        }
        if (user == null) {
            audit.publicDownload(id);
        } else if (access.librarian(user) || user.has(Role.COORDINATOR)) {
            audit.record(id, LibraryEvent.Action.DOWNLOADED, user, String.valueOf(number == null ? d.getCurrentVersion() : number));
        }
        return files.serve(file, inline);
    }
}
