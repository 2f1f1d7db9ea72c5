package ar.aulas.library;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A file's bytes stored once, by their SHA-256: the same file uploaded twice is one GridFS file. */
@Document("library_blobs")
class LibraryBlob {

    @Id
    private String sha256;
    private String fileId;
    private long size;
    private Instant at;

    protected LibraryBlob() {
    }

    LibraryBlob(String sha256, String fileId, long size, Instant at) {
        this.sha256 = sha256;
        this.fileId = fileId;
        this.size = size;
        this.at = at;
    }

    String getSha256() { return sha256; }
    String getFileId() { return fileId; }
    long getSize() { return size; }
}
