package ar.aulas.library;

import ar.aulas.courses.CourseFiles;
import ar.aulas.courses.Material;
import ar.aulas.courses.UploadRefused;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import org.bson.Document;
import org.springframework.core.io.InputStreamResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The library's files: checked like materials (size, extension and content together) up to
 * {@code aulas.library.max-file-size}, stored in GridFS once per SHA-256 (a second upload of the same bytes
 * names the first copy), and served inline only when a browser shows them safely (PDF and images, sandboxed).
 */
@Component
public class LibraryFiles {

    /** Types a browser opens in place; everything else downloads as an attachment. */
    public static final Set<String> INLINE = Set.of("application/pdf", "image/png", "image/jpeg");

    private final CourseFiles files;
    private final LibraryBlobRepository blobs;
    private final LibraryProperties properties;
    private final Clock clock;

    LibraryFiles(CourseFiles files, LibraryBlobRepository blobs, LibraryProperties properties, Clock clock) {
        this.files = files;
        this.blobs = blobs;
        this.properties = properties;
        this.clock = clock;
    }

    long maxBytes() {
        return properties.maxFileSize().toBytes();
    }

    /** Checks and stores an upload; the same bytes stored before are not stored again. Nothing is kept when refused. */
    Material.StoredFile store(MultipartFile upload) {
        Material.StoredFile stored;
        try {
            stored = files.storeChecked(upload, maxBytes(), "file", new Document("source", "library"));
        } catch (UploadRefused e) {
            throw new LibraryRefused("file", e.messageKey(), e.args());
        }
        try {
            blobs.insert(new LibraryBlob(stored.sha256(), stored.fileId(), stored.size(), clock.instant()));
            return stored;
        } catch (DuplicateKeyException e) {
            // the same bytes are in the library already: name that copy, drop this one
            LibraryBlob first = blobs.findById(stored.sha256()).orElseThrow(() -> e);
            files.delete(stored.fileId());
            return new Material.StoredFile(first.getFileId(), stored.name(), stored.size(), stored.contentType(), stored.sha256());
        }
    }

    /** Deletes the stored bytes of {@code sha256} (no version names them any more). */
    void forget(String sha256) {
        blobs.findById(sha256).ifPresent(blob -> {
            files.delete(blob.getFileId());
            blobs.delete(blob);
        });
    }

    /**
     * The file under the name of its version: PDF and images inline with {@code Content-Security-Policy: sandbox}
     * (no script, no form, no same origin), anything else as an attachment; always {@code nosniff}.
     */
    ResponseEntity<InputStreamResource> serve(Material.StoredFile file, boolean inlineWanted) {
        CourseFiles.Download download = files.openAuthorised(file.fileId());
        boolean inline = inlineWanted && INLINE.contains(file.contentType());
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.name(), StandardCharsets.UTF_8).build();
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff").contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(download.size());
        if (inline) {
            answer.header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'");
        }
        return answer.body(download.content());
    }
}
