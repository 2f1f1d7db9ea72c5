package ar.aulas.store;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.MongoIterable;
import com.mongodb.client.model.IndexOptions;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;
import org.bson.Document;
import org.bson.RawBsonDocument;

/**
 * A whole database in one ZIP archive: every collection (GridFS buckets included, as their {@code .files} and
 * {@code .chunks} collections) as its documents' BSON one after another, its indexes, and a manifest with each
 * collection's count, size and SHA-256. Written and read as streams, one document at a time, so it works on the
 * embedded store and on a real MongoDB alike, while the application runs on the latter.
 * <p>
 * A restore checks the whole archive against its manifest before it writes anything, and writes only into an empty
 * database unless forced (then it first drops the collections the archive holds).
 */
public final class StoreArchive {

    static final String MANIFEST = "manifest.json";
    static final int FORMAT = 1;
    /** MongoDB's own limit on one document (16 MiB) plus room for its frame. */
    static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024 + 16 * 1024;
    static final int MAX_COLLECTIONS = 10_000;
    private static final int BATCH_BYTES = 8 * 1024 * 1024;
    /** Documents per reply while reading (the embedded server would otherwise answer with all of them at once). */
    private static final int BATCH = 200;

    /** What one run wrote or read. */
    public record Summary(int collections, long documents, long bytes) {
    }

    /** A backup or restore that cannot be done, with the reason to show. */
    public static class ArchiveException extends RuntimeException {
        public ArchiveException(String message) {
            super(message);
        }

        public ArchiveException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private StoreArchive() {
    }

    /** Writes every collection of {@code db} into {@code file} (through a temporary file: a complete archive or none). */
    public static Summary backup(MongoDatabase db, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        List<Document> collections = new ArrayList<>();
        long documents = 0;
        long bytes = 0;
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)))) {
            List<String> names = db.listCollectionNames().into(new ArrayList<>());
            names.sort(null);
            for (String name : names) {
                MongoCollection<RawBsonDocument> collection = db.getCollection(name, RawBsonDocument.class);
                zip.putNextEntry(new ZipEntry("collections/" + name + ".bson"));
                MessageDigest sha = sha256();
                long count = 0;
                long size = 0;
                OutputStream out = new DigestOutputStream(nonClosing(zip), sha);
                for (MongoIterable<RawBsonDocument> part : parts(db, name, collection, names)) {
                    try (MongoCursor<RawBsonDocument> cursor = part.batchSize(BATCH).iterator()) {
                        while (cursor.hasNext()) {
                            ByteBuffer buffer = cursor.next().getByteBuffer().asNIO();
                            byte[] document = new byte[buffer.remaining()];
                            buffer.get(document);
                            out.write(document);
                            count++;
                            size += document.length;
                        }
                    }
                }
                out.flush();
                zip.closeEntry();
                List<Document> indexes = new ArrayList<>();
                for (Document index : db.getCollection(name).listIndexes()) {
                    if (!"_id_".equals(index.getString("name"))) {
                        index.remove("v");
                        index.remove("ns");
                        indexes.add(index);
                    }
                }
                collections.add(new Document("name", name).append("count", count).append("bytes", size)
                        .append("sha256", HexFormat.of().formatHex(sha.digest())).append("indexes", indexes));
                documents += count;
                bytes += size;
            }
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(new Document("format", FORMAT).append("createdAt", Instant.now().toString())
                    .append("database", db.getName()).append("collections", collections).toJson()
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Summary(collections.size(), documents, bytes);
    }

    /**
     * How a collection is read: whole, or, for a GridFS bucket's chunks, file by file on the bucket's own index
     * ({@code files_id, n}). The embedded server gathers every document a find matches before it answers (then hands
     * them out in batches), which for a bucket's chunks (every stored PDF and upload) would need all of them in memory
     * at once. Chunks of no file (left by an upload that died) are not copied.
     */
    private static List<MongoIterable<RawBsonDocument>> parts(MongoDatabase db, String name,
            MongoCollection<RawBsonDocument> collection, List<String> names) {
        String bucket = name.endsWith(".chunks") ? name.substring(0, name.length() - ".chunks".length()) : null;
        if (bucket == null || !names.contains(bucket + ".files")) {
            return List.of(collection.find());
        }
        try {
            // GridFS's own index, which a store filled without the driver's bucket (the data generator) may lack
            collection.createIndex(new Document("files_id", 1).append("n", 1),
                    new IndexOptions().name("files_id_1_n_1").unique(true));
        } catch (MongoException differentOptions) {
            // an index on those keys exists already, with other options: it serves the reads as well
        }
        List<MongoIterable<RawBsonDocument>> parts = new ArrayList<>();
        for (Document file : db.getCollection(bucket + ".files").find().projection(new Document("_id", 1))) {
            parts.add(collection.find(new Document("files_id", file.get("_id"))).sort(new Document("n", 1)));
        }
        return parts;
    }

    /**
     * Restores {@code file} into {@code db}: checks the whole archive first (manifest, counts, sizes, SHA-256s),
     * refuses a database that holds data unless {@code force}, then inserts every collection and creates its indexes.
     */
    public static Summary restore(MongoDatabase db, Path file, boolean force) throws IOException {
        List<Document> collections = check(file);
        List<String> holding = new ArrayList<>();
        for (String name : db.listCollectionNames()) {
            if (db.getCollection(name).estimatedDocumentCount() > 0) {
                holding.add(name);
            }
        }
        if (!holding.isEmpty() && !force) {
            throw new ArchiveException("The store already holds data (" + holding.size() + " collections, such as "
                    + holding.get(0) + "): restore into an empty store, or add --aulas.restore.force=true to replace it");
        }
        long documents = 0;
        long bytes = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Document c : collections) {
                String name = c.getString("name");
                if (force) {
                    db.getCollection(name).drop();
                }
                MongoCollection<RawBsonDocument> collection = db.getCollection(name, RawBsonDocument.class);
                db.createCollection(name);
                List<RawBsonDocument> batch = new ArrayList<>();
                int batchBytes = 0;
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                        zip.getInputStream(zip.getEntry("collections/" + name + ".bson"))))) {
                    byte[] document;
                    while ((document = next(in)) != null) {
                        batch.add(new RawBsonDocument(document));
                        batchBytes += document.length;
                        bytes += document.length;
                        if (batch.size() >= 1_000 || batchBytes >= BATCH_BYTES) {
                            collection.insertMany(batch);
                            documents += batch.size();
                            batch.clear();
                            batchBytes = 0;
                        }
                    }
                }
                if (!batch.isEmpty()) {
                    collection.insertMany(batch);
                    documents += batch.size();
                }
                for (Document index : c.getList("indexes", Document.class)) {
                    Document keys = index.get("key", Document.class);
                    IndexOptions options = new IndexOptions()
                            .name(index.getString("name")).unique(Boolean.TRUE.equals(index.getBoolean("unique")))
                            .sparse(Boolean.TRUE.equals(index.getBoolean("sparse")));
                    db.getCollection(name).createIndex(keys, options);
                }
            }
        }
        return new Summary(collections.size(), documents, bytes);
    }

    /** Reads the whole archive against its manifest, writing nothing; returns the manifest's collections. */
    static List<Document> check(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ArchiveException("No archive at " + file.toAbsolutePath());
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry manifestEntry = zip.getEntry(MANIFEST);
            if (manifestEntry == null) {
                throw new ArchiveException("The archive has no manifest: it is not an Aulas backup, or it was cut short");
            }
            Document manifest;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                byte[] json = in.readNBytes(64 * 1024 * 1024 + 1);
                if (json.length > 64 * 1024 * 1024) {
                    throw new ArchiveException("The archive's manifest is too large");
                }
                manifest = Document.parse(new String(json, StandardCharsets.UTF_8));
            }
            if (!Integer.valueOf(FORMAT).equals(manifest.getInteger("format"))) {
                throw new ArchiveException("Unknown archive format " + manifest.get("format"));
            }
            List<Document> collections = manifest.getList("collections", Document.class);
            if (collections == null || collections.size() > MAX_COLLECTIONS) {
                throw new ArchiveException("The archive's manifest lists no collections, or too many");
            }
            Map<String, Document> seen = new LinkedHashMap<>();
            for (Document c : collections) {
                String name = c.getString("name");
                if (name == null || name.isBlank() || name.contains("$") || seen.put(name, c) != null) {
                    throw new ArchiveException("The archive's manifest names a collection twice or badly: " + name);
                }
                ZipEntry entry = zip.getEntry("collections/" + name + ".bson");
                if (entry == null) {
                    throw new ArchiveException("The archive lacks the collection " + name);
                }
                long expectedBytes = ((Number) c.get("bytes")).longValue();
                long expectedCount = ((Number) c.get("count")).longValue();
                MessageDigest sha = sha256();
                long count = 0;
                long size = 0;
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                        new DigestInputStream(zip.getInputStream(entry), sha)))) {
                    byte[] document;
                    while ((document = next(in)) != null) {
                        count++;
                        size += document.length;
                        if (size > expectedBytes || count > expectedCount) {
                            throw new ArchiveException("The collection " + name + " holds more than its manifest says");
                        }
                    }
                }
                if (count != expectedCount || size != expectedBytes
                        || !HexFormat.of().formatHex(sha.digest()).equals(c.getString("sha256"))) {
                    throw new ArchiveException("The collection " + name + " does not match the manifest (" + count
                            + " documents of " + expectedCount + "): the archive is damaged");
                }
            }
            return collections;
        } catch (ZipException | EOFException e) {
            throw new ArchiveException("The archive is damaged or cut short: " + e.getMessage(), e);
        }
    }

    /** The next BSON document of the stream, or null at its end; a size out of bounds is damage. */
    private static byte[] next(DataInputStream in) throws IOException {
        byte[] prefix = new byte[4];
        int read = in.readNBytes(prefix, 0, 4);
        if (read == 0) {
            return null;
        }
        if (read < 4) {
            throw new ArchiveException("A document is cut short: the archive is damaged");
        }
        int length = ByteBuffer.wrap(prefix).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (length < 5 || length > MAX_DOCUMENT_BYTES) {
            throw new ArchiveException("A document of " + length + " bytes: the archive is damaged");
        }
        byte[] document = new byte[length];
        System.arraycopy(prefix, 0, document, 0, 4);
        in.readFully(document, 4, length - 4);
        return document;
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
