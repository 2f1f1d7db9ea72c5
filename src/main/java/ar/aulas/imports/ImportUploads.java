package ar.aulas.imports;

import ar.aulas.shared.jobs.JobLeases;
import ar.aulas.store.FileChunks;
import com.mongodb.client.gridfs.model.GridFSFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Files uploaded for an import, kept in the store (GridFS) between the preview and the confirmation, so an import
 * previewed on one instance can be confirmed on another. One per person: a new upload replaces theirs. Kept for
 * {@link #KEPT}; a leased job removes older ones. A confirmation claims its upload with one delete, so two
 * confirmations of the same preview (a double click, two instances) import it once.
 */
@Component
class ImportUploads {

    static final Duration KEPT = Duration.ofHours(2);

    /** An upload under review: who, when, which file, and where its bytes are. */
    @org.springframework.data.mongodb.core.mapping.Document("import_uploads")
    record Upload(@Id String token, @Indexed String accountId, String fileName, @Indexed Instant at, String fileId) {
    }

    private final MongoTemplate mongo;
    private final GridFsTemplate gridFs;
    private final FileChunks chunks;
    private final JobLeases leases;
    private final Clock clock;

    ImportUploads(MongoTemplate mongo, GridFsTemplate gridFs, FileChunks chunks, JobLeases leases, Clock clock) {
        this.mongo = mongo;
        this.gridFs = gridFs;
        this.chunks = chunks;
        this.leases = leases;
        this.clock = clock;
    }

    /** Keeps {@code bytes} as {@code accountId}'s upload under review, in place of any earlier one of theirs. */
    Upload keep(String token, String accountId, String fileName, byte[] bytes) {
        for (Upload earlier : mongo.find(Query.query(Criteria.where("accountId").is(accountId)), Upload.class)) {
            remove(earlier);
        }
        ObjectId fileId = gridFs.store(new ByteArrayInputStream(bytes), "import-upload-" + token,
                "application/octet-stream", new Document("importUpload", token));
        try {
            return mongo.insert(new Upload(token, accountId, fileName, clock.instant(), fileId.toHexString()));
        } catch (RuntimeException e) {
            chunks.delete(fileId);
            throw e;
        }
    }

    /** The person's upload under this token, when it is theirs and still kept. */
    Optional<Upload> find(String token, String accountId) {
        return Optional.ofNullable(mongo.findOne(live(token, accountId), Upload.class));
    }

    /** Takes the upload out of review; empty when it was not there (expired, or already confirmed elsewhere). */
    Optional<Upload> claim(String token, String accountId) {
        return Optional.ofNullable(mongo.findAndRemove(live(token, accountId), Upload.class));
    }

    private Query live(String token, String accountId) {
        return Query.query(Criteria.where("_id").is(token).and("accountId").is(accountId)
                .and("at").gte(clock.instant().minus(KEPT)));
    }

    /** The uploaded bytes (at most the import's size limit, checked when it was uploaded). */
    byte[] bytes(Upload upload) {
        GridFSFile file = gridFs.findOne(Query.query(Criteria.where("_id").is(new ObjectId(upload.fileId()))));
        if (file == null) {
            throw new ImportRefused("import.file.expired");
        }
        try (InputStream in = chunks.open(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void discard(Upload upload) {
        chunks.delete(new ObjectId(upload.fileId()));
    }

    private void remove(Upload upload) {
        mongo.remove(Query.query(Criteria.where("_id").is(upload.token())), Upload.class);
        discard(upload);
    }

    /** Uploads older than {@link #KEPT}, and their files, are removed every ten minutes by one instance. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT3M")
    void removeExpired() {
        leases.runExclusively("import-uploads-clean-up", Duration.ofMinutes(5), () -> {
            for (Upload old : mongo.find(Query.query(Criteria.where("at").lt(clock.instant().minus(KEPT))),
                    Upload.class)) {
                remove(old);
            }
        });
    }
}
