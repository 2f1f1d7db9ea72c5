package ar.aulas.library;

import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.Role;
import ar.aulas.notifications.Notification;
import ar.aulas.notifications.Notifications;
import ar.aulas.shared.web.NotFoundException;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * A librarian's decisions: proposals approved (published) or returned with a reason (the contributor is told
 * either way, in the bell), an earlier version restored as a new one, a document archived (hidden from all but
 * librarians). Only an admin purges an archived document, with its versions and the files no other version keeps.
 */
@Service
public class LibraryReview {

    static final int MAX_REASON = 1_000;

    private final LibraryDocumentRepository documents;
    private final LibraryVersionRepository versions;
    private final LibraryContributions contributions;
    private final LibraryFiles files;
    private final LibraryAccess access;
    private final LibraryAudit audit;
    private final Notifications notifications;
    private final Clock clock;
    private final LibraryLinkRepository links;

    LibraryReview(LibraryLinkRepository links, LibraryDocumentRepository documents, LibraryVersionRepository versions, LibraryContributions contributions,
            LibraryFiles files, LibraryAccess access, LibraryAudit audit, Notifications notifications, Clock clock) {
        this.links = links;
        this.documents = documents;
        this.versions = versions;
        this.contributions = contributions;
        this.files = files;
        this.access = access;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The proposals waiting for a librarian, oldest first. */
    public List<LibraryDocument> queue(AulasUser user) {
        access.requireLibrarian(user);
        return documents.findByStatusOrderByUpdatedAtAsc(LibraryDocument.Status.PROPOSED);
    }

    public long waiting(AulasUser user) {
        return access.librarian(user) ? documents.countByStatus(LibraryDocument.Status.PROPOSED) : 0;
    }

    public LibraryDocument approve(AulasUser user, String id) {
        LibraryDocument document = librarians(user, id);
        if (document.getStatus() != LibraryDocument.Status.PROPOSED) {
            throw new LibraryRefused(null, "library.review.notProposed");
        }
        document.publish(clock.instant());
        LibraryDocument saved = save(document);
        audit.record(id, LibraryEvent.Action.APPROVED, user, null);
        tell(saved, "notification.library.approved", List.of(saved.getTitle()));
        return saved;
    }

    public LibraryDocument giveBack(AulasUser user, String id, String reason) {
        LibraryDocument document = librarians(user, id);
        if (document.getStatus() != LibraryDocument.Status.PROPOSED) {
            throw new LibraryRefused(null, "library.review.notProposed");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new LibraryRefused("reason", "library.review.reason.required");
        }
        if (why.length() > MAX_REASON) {
            throw new LibraryRefused("reason", "library.review.reason.tooLong", MAX_REASON);
        }
        document.giveBack(why, clock.instant());
        LibraryDocument saved = save(document);
        audit.record(id, LibraryEvent.Action.RETURNED, user, why);
        tell(saved, "notification.library.returned", List.of(saved.getTitle(), why));
        return saved;
    }

    /** Version {@code number} becomes the current one again, as a new version that says what it restored. */
    public LibraryVersion restore(AulasUser user, String id, int number) {
        LibraryDocument document = librarians(user, id);
        if (document.getStatus() == LibraryDocument.Status.ARCHIVED) {
            throw new NotFoundException();
        }
        LibraryVersion earlier = versions.findByDocumentIdAndNumber(id, number).orElseThrow(NotFoundException::new);
        if (number == document.getCurrentVersion()) {
            throw new LibraryRefused(null, "library.restore.current");
        }
        LibraryVersion restored = contributions.write(user, document, earlier.getKind(), earlier.getFile(), earlier.getUrl(),
                null, number, null);
        audit.record(id, LibraryEvent.Action.RESTORED, user, number + "→" + restored.getNumber());
        return restored;
    }

    public LibraryDocument archive(AulasUser user, String id) {
        LibraryDocument document = librarians(user, id);
        if (document.getStatus() == LibraryDocument.Status.ARCHIVED) {
            return document;
        }
        document.archive(clock.instant());
        LibraryDocument saved = save(document);
        audit.record(id, LibraryEvent.Action.ARCHIVED, user, null);
        return saved;
    }

    /** Deletes an archived document for good: its versions, and each file no other document's version keeps. */
    public void purge(AulasUser user, String id) {
        if (!user.has(Role.ADMIN)) {
            throw new NotFoundException();
        }
        LibraryDocument document = documents.findById(id).orElseThrow(NotFoundException::new);
        if (document.getStatus() != LibraryDocument.Status.ARCHIVED) {
            throw new LibraryRefused(null, "library.purge.notArchived");
        }
        List<LibraryVersion> all = versions.findByDocumentIdOrderByNumberDesc(id);
        documents.delete(document);
        versions.deleteAll(all);
        links.deleteAll(links.findByDocumentId(id));
        all.stream().filter(v -> v.getFile() != null).map(v -> v.getFile().sha256()).distinct()
                .filter(sha -> !versions.existsByFileSha256(sha)).forEach(files::forget);
    }

    private LibraryDocument librarians(AulasUser user, String id) {
        access.requireLibrarian(user);
        return documents.findById(id).orElseThrow(NotFoundException::new);
    }

    private LibraryDocument save(LibraryDocument document) {
        try {
            return documents.save(document);
        } catch (OptimisticLockingFailureException e) {
            throw new LibraryRefused(null, "library.changedMeanwhile");
        }
    }

    private void tell(LibraryDocument document, String key, List<String> args) {
        if (document.getProposedById() != null) {
            notifications.tell(document.getProposedById(), Notification.Kind.LIBRARY, key, args, "/library/" + document.getId());
        }
    }
}
