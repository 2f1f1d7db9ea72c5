package ar.aulas.library;

import ar.aulas.accounts.AulasUser;
import ar.aulas.courses.Material;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.shared.Salta;
import ar.aulas.shared.web.NotFoundException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Year;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Adding to the library: a document (a checked file or an http/https link) with its details, which a librarian
 * publishes at once and anyone else proposes for review; a new version of it (every earlier one kept); an edit
 * of its details. Refused input names its field and stores nothing: the file is removed again when the
 * document cannot be written.
 */
@Service
public class LibraryContributions {

    static final Set<String> LANGUAGES = Set.of("es", "en", "pt", "other");
    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 4_000;
    static final int MAX_NOTE = 500;
    static final int MAX_TAGS = 15;
    static final int MAX_TAG = 40;
    static final int MAX_LOCALITIES = 12;
    static final int MAX_LOCALITY = 80;
    static final int MAX_URL = 2_000;
    /** Proposals one person may have waiting (under review or returned) at once. */
    static final int MAX_WAITING = 20;

    /** The file or link of a version, and its note. */
    public record Content(MultipartFile file, String url, String note) {
    }

    private final LibraryDocumentRepository documents;
    private final LibraryVersionRepository versions;
    private final LibraryFiles files;
    private final LibraryAccess access;
    private final LibraryAudit audit;
    private final InstitutionDirectory institutions;
    private final Clock clock;

    LibraryContributions(LibraryDocumentRepository documents, LibraryVersionRepository versions, LibraryFiles files,
            LibraryAccess access, LibraryAudit audit, InstitutionDirectory institutions, Clock clock) {
        this.documents = documents;
        this.versions = versions;
        this.files = files;
        this.access = access;
        this.audit = audit;
        this.institutions = institutions;
        this.clock = clock;
    }

    /** The person's own proposals that are not published yet (under review or returned), newest first. */
    public List<LibraryDocument> mine(AulasUser user) {
        return documents.findByProposedByIdOrderByCreatedAtDesc(user.id()).stream()
                .filter(d -> d.getStatus() == LibraryDocument.Status.PROPOSED || d.getStatus() == LibraryDocument.Status.RETURNED)
                .toList();
    }

    public long maxFileMegabytes() {
        return files.maxBytes() / (1024 * 1024);
    }

    /** A new document: published when a librarian adds it, proposed for review otherwise. */
    public LibraryDocument add(AulasUser user, LibraryDocument.Details details, Content content) {
        LibraryDocument.Details checked = check(user, details);
        if (!access.librarian(user) && mine(user).size() >= MAX_WAITING) {
            throw new LibraryRefused(null, "library.proposals.tooMany", MAX_WAITING);
        }
        Stored stored = store(content, true);
        var now = clock.instant();
        LibraryDocument document = new LibraryDocument(checked, user.id(), user.fullName(), user.institutionId(), now);
        document.current(1, stored.kind(), stored.file(), stored.url(), now);
        boolean librarian = access.librarian(user);
        if (librarian) {
            document.publish(now);
        }
        LibraryDocument saved;
        try {
            saved = documents.insert(document);
        } catch (RuntimeException e) {
            stored.undo(files, versions);
            throw e;
        }
        try {
            versions.insert(new LibraryVersion(saved.getId(), 1, stored.kind(), stored.file(), stored.url(), note(content),
                    user.id(), user.fullName(), now, null));
        } catch (RuntimeException e) {
            documents.delete(saved);
            stored.undo(files, versions);
            throw e;
        }
        audit.record(saved.getId(), librarian ? LibraryEvent.Action.PUBLISHED : LibraryEvent.Action.PROPOSED, user, "1");
        return saved;
    }

    /**
     * A new version, kept with every earlier one: by a librarian, or by its proposer while under review (a
     * returned proposal goes back to review with it).
     */
    public LibraryVersion addVersion(AulasUser user, String id, Content content) {
        LibraryDocument document = editable(user, id);
        Stored stored = store(content, false);
        LibraryVersion version = write(user, document, stored.kind(), stored.file(), stored.url(), note(content), null,
                stored);
        audit.record(id, LibraryEvent.Action.VERSION, user, String.valueOf(version.getNumber()));
        return version;
    }

    /** Writes version {@code current + 1} and makes it the document's current one. */
    LibraryVersion write(AulasUser user, LibraryDocument document, LibraryDocument.Kind kind, Material.StoredFile file,
            String url, String note, Integer restoredFrom, Stored undo) {
        var now = clock.instant();
        int number = document.getCurrentVersion() + 1;
        LibraryVersion version;
        try {
            version = versions.insert(new LibraryVersion(document.getId(), number, kind, file, url, note, user.id(),
                    user.fullName(), now, restoredFrom));
        } catch (DuplicateKeyException e) {
            if (undo != null) {
                undo.undo(files, versions);
            }
            throw new LibraryRefused(null, "library.busy");
        }
        document.current(number, kind, file, url, now);
        if (document.getStatus() == LibraryDocument.Status.RETURNED && !access.librarian(user)) {
            document.resubmit(now);
        }
        try {
            documents.save(document);
        } catch (OptimisticLockingFailureException e) {
            versions.delete(version);
            if (undo != null) {
                undo.undo(files, versions);
            }
            throw new LibraryRefused(null, "library.busy");
        }
        return version;
    }

    /** Changes a document's details (a librarian, or its proposer before it is published). */
    public LibraryDocument edit(AulasUser user, String id, LibraryDocument.Details details, long version) {
        LibraryDocument document = editable(user, id);
        if (document.getVersion() == null || document.getVersion() != version) {
            throw new LibraryRefused(null, "library.changedMeanwhile");
        }
        document.describe(check(user, details), clock.instant());
        if (document.getStatus() == LibraryDocument.Status.RETURNED && !access.librarian(user)) {
            document.resubmit(clock.instant());
        }
        try {
            LibraryDocument saved = documents.save(document);
            audit.record(id, LibraryEvent.Action.EDITED, user, null);
            return saved;
        } catch (OptimisticLockingFailureException e) {
            throw new LibraryRefused(null, "library.changedMeanwhile");
        }
    }

    private LibraryDocument editable(AulasUser user, String id) {
        LibraryDocument document = access.readable(user, documents.findById(id).orElse(null));
        if (!access.mayEdit(user, document)) {
            throw new NotFoundException();
        }
        return document;
    }

    /** The details as stored: trimmed, checked field by field. */
    LibraryDocument.Details check(AulasUser user, LibraryDocument.Details d) {
        String title = trim(d.title());
        if (title == null) {
            throw new LibraryRefused("title", "library.title.required");
        }
        if (title.length() > MAX_TITLE) {
            throw new LibraryRefused("title", "library.title.tooLong", MAX_TITLE);
        }
        String description = trim(d.description());
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new LibraryRefused("description", "library.description.tooLong", MAX_DESCRIPTION);
        }
        if (d.type() == null) {
            throw new LibraryRefused("type", "library.type.required");
        }
        int thisYear = Year.now(clock.withZone(Salta.ZONE)).getValue();
        if (d.year() != null && (d.year() < 1900 || d.year() > thisYear + 1)) {
            throw new LibraryRefused("year", "library.year.range", String.valueOf(thisYear + 1));
        }
        String language = d.language() == null || d.language().isBlank() ? "es" : d.language();
        if (!LANGUAGES.contains(language)) {
            throw new LibraryRefused("language", "library.language.unknown");
        }
        List<String> institutionIds = List.copyOf(new LinkedHashSet<>(d.institutionIds() == null ? List.of() : d.institutionIds()));
        for (String institutionId : institutionIds) {
            if (!institutions.exists(institutionId)) {
                throw new LibraryRefused("institutionIds", "library.institution.unknown");
            }
        }
        List<String> localities = words(d.localities(), "localities", MAX_LOCALITIES, MAX_LOCALITY, "library.localities.tooMany",
                "library.localities.tooLong");
        List<Integer> modules = List.copyOf(new LinkedHashSet<>(d.modules() == null ? List.of() : d.modules()));
        if (modules.stream().anyMatch(m -> m == null || m < 1 || m > 5)) {
            throw new LibraryRefused("modules", "library.modules.range");
        }
        List<String> tags = words(d.tags(), "tags", MAX_TAGS, MAX_TAG, "library.tags.tooMany", "library.tags.tooLong").stream()
                .map(t -> t.toLowerCase(Locale.forLanguageTag("es-AR"))).distinct().toList();
        if (d.usageRight() == null) {
            throw new LibraryRefused("usageRight", "library.usageRight.required");
        }
        if (d.visibility() == null) {
            throw new LibraryRefused("visibility", "library.visibility.required");
        }
        String audience = d.visibility() == LibraryDocument.Visibility.INSTITUTION ? trim(d.audienceInstitutionId()) : null;
        if (d.visibility() == LibraryDocument.Visibility.INSTITUTION) {
            if (audience == null || !institutions.exists(audience)) {
                throw new LibraryRefused("audienceInstitutionId", "library.audience.required");
            }
            if (!access.librarian(user) && !access.institutions(user).contains(audience)) {
                throw new LibraryRefused("audienceInstitutionId", "library.audience.notYours");
            }
        }
        if (d.visibility() == LibraryDocument.Visibility.PUBLIC && d.usageRight() == LibraryDocument.UsageRight.INTERNAL) {
            throw new LibraryRefused("visibility", "library.visibility.internalNotPublic");
        }
        return new LibraryDocument.Details(title, description, d.type(), d.year(), language, institutionIds, localities, modules,
                tags, d.usageRight(), d.visibility(), audience);
    }

    private static List<String> words(List<String> values, String field, int max, int maxLength, String tooMany,
            String tooLong) {
        List<String> out = (values == null ? List.<String>of() : values).stream().map(LibraryContributions::trim)
                .filter(v -> v != null).distinct().toList();
        if (out.size() > max) {
            throw new LibraryRefused(field, tooMany, max);
        }
        if (out.stream().anyMatch(v -> v.length() > maxLength)) {
            throw new LibraryRefused(field, tooLong, maxLength);
        }
        return out;
    }

    /** A file or a link, exactly one; the file checked and stored, the link an absolute http(s) address. */
    private Stored store(Content content, boolean first) {
        String note = trim(content.note());
        if (note != null && note.length() > MAX_NOTE) {
            throw new LibraryRefused("note", "library.note.tooLong", MAX_NOTE);
        }
        boolean hasFile = content.file() != null && !content.file().isEmpty();
        String url = trim(content.url());
        if (hasFile && url != null) {
            throw new LibraryRefused("file", "library.fileOrLink.both");
        }
        if (!hasFile && url == null) {
            throw new LibraryRefused("file", first ? "library.fileOrLink.none" : "library.version.none");
        }
        if (url != null) {
            return new Stored(LibraryDocument.Kind.LINK, null, link(url), false);
        }
        Material.StoredFile file = files.store(content.file());
        return new Stored(LibraryDocument.Kind.FILE, file, null, true);
    }

    static String link(String url) {
        if (url.length() > MAX_URL) {
            throw new LibraryRefused("url", "library.url.tooLong", MAX_URL);
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isBlank()) {
                throw new LibraryRefused("url", "library.url.scheme");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new LibraryRefused("url", "library.url.invalid");
        }
    }

    private static String note(Content content) {
        return trim(content.note());
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** What a version holds, and how to take back a file stored for a write that did not happen. */
    record Stored(LibraryDocument.Kind kind, Material.StoredFile file, String url, boolean fresh) {

        void undo(LibraryFiles files, LibraryVersionRepository versions) {
            if (fresh && file != null && !versions.existsByFileSha256(file.sha256())) {
                files.forget(file.sha256());
            }
        }
    }
}
