package ar.aulas.store;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar aulas.jar --aulas.store.serve=PORT [--aulas.store.data-dir=DIR]}: the embedded store alone, on
 * that port of 127.0.0.1, for several Aulas instances to share without a MongoDB
 * ({@code SPRING_MONGODB_URI=mongodb://127.0.0.1:PORT/aulas}). It stops (compacting its file when worth it) on
 * SIGTERM or Ctrl-C. An evaluation setup: production uses a MongoDB replica set.
 */
public final class StoreServer {

    private static final Logger log = LoggerFactory.getLogger(StoreServer.class);
    static final String SERVE = "--aulas.store.serve=";
    static final String DATA_DIR = "--aulas.store.data-dir=";

    private StoreServer() {
    }

    /** Serves the store when the arguments ask for it, until the process is stopped; false when they do not. */
    public static boolean serveIfAsked(String[] args) {
        String port = CommandLine.value(args, SERVE);
        if (port == null) {
            return false;
        }
        int number;
        try {
            number = Integer.parseInt(port.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--aulas.store.serve needs a port number, not \"" + port + "\"");
        }
        if (number < 1 || number > 65_535) {
            throw new IllegalArgumentException("--aulas.store.serve needs a port between 1 and 65535, not " + number);
        }
        String dataDir = CommandLine.value(args, DATA_DIR);
        if (dataDir == null) {
            dataDir = System.getenv().getOrDefault("AULAS_DATA_DIR", "data");
        }
        EmbeddedMongo store = EmbeddedMongo.onDisk(Path.of(dataDir), number, "aulas");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            store.close();
            stopped.countDown();
        }, "store-server-stop"));
        log.info("Store server ready: SPRING_MONGODB_URI=mongodb://127.0.0.1:{}/aulas", store.port());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
