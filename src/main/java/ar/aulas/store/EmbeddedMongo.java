package ar.aulas.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MongoDB-compatible server (mongo-java-server) listening on 127.0.0.1.
 * The file backend keeps one H2 MVStore file under the data directory.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    static final String STORE_FILE = "aulas.mv.db";
    /** Compact (after a clean stop, else at start) when less of the file than this holds live data. */
    static final int COMPACT_BELOW_FILL_PERCENT = 60;

    private final MongoServer server;
    private final InetSocketAddress address;
    private final String database;
    private final Path file;
    private final MVStore store;

    private EmbeddedMongo(MongoServer server, InetSocketAddress address, String database, Path file, MVStore store) {
        this.server = server;
        this.address = address;
        this.database = database;
        this.file = file;
        this.store = store;
    }

    /** Starts an in-memory server on a free port (tests, throwaway runs). */
    public static EmbeddedMongo inMemory(String database) {
        return start(new MemoryBackend(), 0, database, null, null);
    }

    /** Starts a durable file-backed server on the store file under {@code dataDir}. */
    public static EmbeddedMongo onDisk(Path dataDir, int port, String database) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir.toAbsolutePath(), e);
        }
        Path file = dataDir.resolve(STORE_FILE);
        String fileName = file.toAbsolutePath().toString();
        MVStore store = open(fileName);
        // Every commit writes a chunk; compacting keeps the file near the size of the data. It rewrites the whole
        // file (seconds for hundreds of MB), so only when much of it is free space: after a clean stop, so the next
        // start need not, and here only when the last stop was not clean (a crash, a kill).
        if (live(store) < COMPACT_BELOW_FILL_PERCENT) {
            store.close();
            compact(fileName);
            store = open(fileName);
        }
        store.setRetentionTime(0);
        return start(new DurableH2Backend(store), port, database, file, store);
    }

    /** The share of the chunks' space that holds live pages (the file's own fill rate counts dead chunks as used). */
    private static int live(MVStore store) {
        return store.getFileStore().getChunksFillRate();
    }

    private static void compact(String fileName) {
        long started = System.nanoTime();
        MVStoreTool.compactCleanUp(fileName);
        MVStoreTool.compact(fileName, false);
        log.info("Store file compacted in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private static MVStore open(String fileName) {
        return new MVStore.Builder().fileName(fileName).autoCommitDisabled().open();
    }

    private static EmbeddedMongo start(MongoBackend backend, int port, String database, Path file, MVStore store) {
        MongoServer server = new MongoServer(backend);
        try {
            server.bind("127.0.0.1", port);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw e;
        }
        InetSocketAddress address = server.getLocalAddress();
        log.info("Embedded MongoDB-compatible store listening on {} ({})", address,
                file == null ? "in memory" : file.toAbsolutePath());
        return new EmbeddedMongo(server, address, database, file, store);
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
    }

    public int port() {
        return address.getPort();
    }

    /** The store file, or null when in memory. */
    public Path file() {
        return file;
    }

    @Override
    public void close() {
        log.info("Stopping the embedded store");
        boolean compact = store != null && !store.isClosed() && live(store) < COMPACT_BELOW_FILL_PERCENT;
        server.shutdown();
        if (compact) {
            compact(file.toAbsolutePath().toString());
        }
    }
}
