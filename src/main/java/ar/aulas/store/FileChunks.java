package ar.aulas.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.gridfs.model.GridFSFile;
import java.io.IOException;
import java.io.InputStream;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Reads and deletes stored files (GridFS layout: {@code fs.files}, {@code fs.chunks}) chunk by chunk, each
 * chunk by its unique key {@code (files_id, n)}. The driver's own reader and delete ask for
 * {@code {files_id: x, n: {$gte: 0}}} and {@code {files_id: x}}, which the embedded server can only answer by
 * reading every chunk of every file (measured: a 200 KB work's replaced file took seconds to delete among the
 * certificates and works of size L). Writing stays with {@code GridFsTemplate}.
 */
@Component
public class FileChunks {

    private final MongoTemplate mongo;

    FileChunks(MongoTemplate mongo) {
        this.mongo = mongo;
        // the driver creates these only when its bucket is empty at the first upload (not so after an import)
        mongo.indexOps("fs.chunks").createIndex(new Index().on("files_id", Sort.Direction.ASC).on("n", Sort.Direction.ASC)
                .unique());
        mongo.indexOps("fs.files").createIndex(new Index().on("filename", Sort.Direction.ASC)
                .on("uploadDate", Sort.Direction.ASC));
    }

    /** The file's bytes, one chunk in memory at a time. */
    public InputStream open(GridFSFile file) {
        Object id = file.getId().isObjectId() ? file.getObjectId() : file.getId();
        long length = file.getLength();
        int chunkSize = file.getChunkSize();
        int count = chunks(length, chunkSize);
        MongoCollection<Document> chunks = mongo.getCollection("fs.chunks");
        return new InputStream() {
            private int next;
            private byte[] buffer = new byte[0];
            private int position;

            private boolean fill() throws IOException {
                while (position >= buffer.length) {
                    if (next >= count) {
                        return false;
                    }
                    Document chunk = chunks.find(new Document("files_id", id).append("n", next)).first();
                    if (chunk == null) {
                        throw new IOException("Chunk " + next + " of file " + id + " is missing");
                    }
                    buffer = chunk.get("data", Binary.class).getData();
                    position = 0;
                    next++;
                }
                return true;
            }

            @Override
            public int read() throws IOException {
                return fill() ? buffer[position++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                if (!fill()) {
                    return -1;
                }
                int n = Math.min(len, buffer.length - position);
                System.arraycopy(buffer, position, b, off, n);
                position += n;
                return n;
            }
        };
    }

    /** Deletes the file and its chunks; a file already gone is no error. */
    public void delete(ObjectId id) {
        Document file = mongo.getCollection("fs.files").find(new Document("_id", id))
                .projection(new Document("length", 1).append("chunkSize", 1)).first();
        if (file == null) {
            return;
        }
        int count = chunks(((Number) file.get("length")).longValue(), ((Number) file.get("chunkSize")).intValue());
        mongo.getCollection("fs.files").deleteOne(new Document("_id", id));
        MongoCollection<Document> chunks = mongo.getCollection("fs.chunks");
        for (int n = 0; n < count; n++) {
            chunks.deleteOne(new Document("files_id", id).append("n", n));
        }
    }

    private static int chunks(long length, int chunkSize) {
        return chunkSize <= 0 ? 0 : (int) ((length + chunkSize - 1) / chunkSize);
    }
}
