package ar.aulas.store;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded MongoDB-compatible store, used only when no MongoDB URI is configured.
 *
 * @param dataDir where the file backend keeps its data
 * @param backend {@code file} (durable, default) or {@code memory} (tests, throwaway runs)
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param database database name
 */
@ConfigurationProperties("aulas.store")
public record StoreProperties(String dataDir, String backend, Integer port, String database) {

    public StoreProperties {
        dataDir = dataDir == null || dataDir.isBlank() ? "data" : dataDir;
        backend = backend == null || backend.isBlank() ? "file" : backend;
        port = port == null ? 0 : port;
        database = database == null || database.isBlank() ? "aulas" : database;
    }

    boolean inMemory() {
        return "memory".equalsIgnoreCase(backend);
    }
}
