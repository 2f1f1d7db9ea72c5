package ar.aulas.library;

import ar.aulas.accounts.AulasUser;
import ar.aulas.shared.web.NotFoundException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Curated collections: librarians create them and put documents in them in the order they choose; everyone
 * sees each collection with the documents they may open (the others are simply not listed).
 */
@Service
public class LibraryCollections {

    static final int MAX_TITLE = 120;
    static final int MAX_DESCRIPTION = 1_000;
    static final int MAX_DOCUMENTS = 200;

    /** A collection as one person sees it. */
    public record View(LibraryCollection collection, List<LibraryDocument> documents) {
    }

    private final LibraryCollectionRepository collections;
    private final LibraryDocumentRepository documents;
    private final LibraryAccess access;
    private final Clock clock;

    LibraryCollections(LibraryCollectionRepository collections, LibraryDocumentRepository documents, LibraryAccess access,
            Clock clock) {
        this.collections = collections;
        this.documents = documents;
        this.access = access;
        this.clock = clock;
    }

    public List<LibraryCollection> all() {
        return collections.findAllByOrderByPositionAsc();
    }

    /** The collections a document is in. */
    public List<LibraryCollection> of(String documentId) {
        return collections.findByDocumentIdsOrderByPositionAsc(documentId);
    }

    public View view(AulasUser user, String id) {
        LibraryCollection c = collections.findById(id).orElseThrow(NotFoundException::new);
        Map<String, LibraryDocument> byId = new HashMap<>();
        documents.findAllById(c.getDocumentIds()).forEach(d -> byId.put(d.getId(), d));
        List<LibraryDocument> visible = c.getDocumentIds().stream().map(byId::get)
                .filter(d -> d != null && d.getStatus() != LibraryDocument.Status.ARCHIVED && access.mayRead(user, d)
                        && (d.isPublished() || access.librarian(user)))
                .toList();
        return new View(c, visible);
    }

    public LibraryCollection create(AulasUser user, String title, String description) {
        access.requireLibrarian(user);
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            throw new LibraryRefused("title", "library.collection.title.required");
        }
        if (t.length() > MAX_TITLE) {
            throw new LibraryRefused("title", "library.title.tooLong", MAX_TITLE);
        }
        String d = description == null || description.isBlank() ? null : description.strip();
        if (d != null && d.length() > MAX_DESCRIPTION) {
            throw new LibraryRefused("description", "library.description.tooLong", MAX_DESCRIPTION);
        }
        int position = all().stream().mapToInt(LibraryCollection::getPosition).max().orElse(0) + 1;
        return collections.insert(new LibraryCollection(t, d, position, user.id(), clock.instant()));
    }

    public void add(AulasUser user, String collectionId, String documentId) {
        change(user, collectionId, c -> {
            LibraryDocument d = documents.findById(documentId).orElseThrow(NotFoundException::new);
            if (d.getStatus() == LibraryDocument.Status.ARCHIVED) {
                throw new NotFoundException();
            }
            if (c.getDocumentIds().size() >= MAX_DOCUMENTS) {
                throw new LibraryRefused("collectionId", "library.collection.full", MAX_DOCUMENTS);
            }
            return c.add(documentId);
        });
    }

    public void remove(AulasUser user, String collectionId, String documentId) {
        change(user, collectionId, c -> c.remove(documentId));
    }

    public void move(AulasUser user, String collectionId, String documentId, int by) {
        change(user, collectionId, c -> c.move(documentId, by < 0 ? -1 : 1));
    }

    private void change(AulasUser user, String collectionId, Function<LibraryCollection, Boolean> change) {
        access.requireLibrarian(user);
        LibraryCollection c = collections.findById(collectionId).orElseThrow(NotFoundException::new);
        if (change.apply(c)) {
            try {
                collections.save(c);
            } catch (OptimisticLockingFailureException e) {
                throw new LibraryRefused(null, "library.busy");
            }
        }
    }
}
