package ar.aulas.store;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded MongoDB-compatible store, used only when no MongoDB URI is configured.
 *
 * @param dataDir where the file backend keeps its data
 * @param backend {@code file} (durable, default) or {@code memory} (tests, throwaway runs)
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param database database name
 * @param selectionTimeout how long a request waits for the store (embedded or MongoDB) before it is told the store is
 *     unavailable
 * @param startWait how long a start waits for the store to answer before it gives up with a clear message
 * @param startRetryEvery how often a start asks the store again meanwhile
 */
@ConfigurationProperties("aulas.store")
public record StoreProperties(String dataDir, String backend, Integer port, String database, Duration selectionTimeout,
        Duration startWait, Duration startRetryEvery) {

    public StoreProperties {
        dataDir = dataDir == null || dataDir.isBlank() ? "data" : dataDir;
        backend = backend == null || backend.isBlank() ? "file" : backend;
        port = port == null ? 0 : port;
        database = database == null || database.isBlank() ? "aulas" : database;
        selectionTimeout = selectionTimeout == null ? Duration.ofSeconds(5) : selectionTimeout;
        startWait = startWait == null ? Duration.ofMinutes(2) : startWait;
        startRetryEvery = startRetryEvery == null ? Duration.ofSeconds(5) : startRetryEvery;
    }

    boolean inMemory() {
        return "memory".equalsIgnoreCase(backend);
    }
}
