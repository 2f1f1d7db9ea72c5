package ar.aulas.store;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * {@code --aulas.backup=FILE} and {@code --aulas.restore=FILE [--aulas.restore.force=true]}: one archive of the
 * configured store (the MongoDB of {@code spring.mongodb.uri}, or the embedded store's files), then exit: status 0
 * only when the archive is complete, or the restore done. The configuration is read as the application reads it
 * (properties, environment, arguments), without starting the application.
 */
public final class ArchiveCommand {

    private static final Logger log = LoggerFactory.getLogger(ArchiveCommand.class);
    static final String BACKUP = "--aulas.backup=";
    static final String RESTORE = "--aulas.restore=";

    private ArchiveCommand() {
    }

    /** Runs a backup or restore when the arguments ask for one; returns the exit status, or -1 when they do not. */
    public static int runIfAsked(String[] args) {
        String backup = CommandLine.value(args, BACKUP);
        String restore = CommandLine.value(args, RESTORE);
        if (backup == null && restore == null) {
            return -1;
        }
        if (backup != null && restore != null) {
            log.error("Give --aulas.backup or --aulas.restore, not both");
            return 2;
        }
        // only the configuration: no web server, no application beans
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Object.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).run(args)) {
            Environment environment = context.getEnvironment();
            boolean force = environment.getProperty("aulas.restore.force", Boolean.class, false);
            String uri = environment.getProperty("spring.mongodb.uri");
            EmbeddedMongo embedded = null;
            try {
                if (!StringUtils.hasText(uri)) {
                    StoreProperties store = Binder.get(environment).bindOrCreate("aulas.store", StoreProperties.class);
                    try {
                        embedded = EmbeddedMongo.onDisk(Path.of(store.dataDir()), 0, store.database());
                    } catch (MVStoreException e) {
                        throw new StoreArchive.ArchiveException("The embedded store in " + Path.of(store.dataDir())
                                .toAbsolutePath() + " cannot be opened (" + e.getMessage() + "): if Aulas is running on "
                                + "it, stop it first, or run it with its store server and give --spring.mongodb.uri");
                    }
                    uri = embedded.connectionString();
                }
                ConnectionString connection = new ConnectionString(uri);
                String database = environment.getProperty("spring.mongodb.database",
                        connection.getDatabase() == null ? "aulas" : connection.getDatabase());
                try (MongoClient client = MongoClients.create(connection)) {
                    long started = System.nanoTime();
                    StoreArchive.Summary summary = backup != null
                            ? StoreArchive.backup(client.getDatabase(database), Path.of(backup))
                            : StoreArchive.restore(client.getDatabase(database), Path.of(restore), force);
                    log.info("{} {}: {} collections, {} documents, {} bytes of documents, in {} ms",
                            backup != null ? "Backed up to" : "Restored from", backup != null ? backup : restore,
                            summary.collections(), summary.documents(), summary.bytes(),
                            (System.nanoTime() - started) / 1_000_000);
                    return 0;
                }
            } finally {
                if (embedded != null) {
                    embedded.close();
                }
            }
        } catch (StoreArchive.ArchiveException e) {
            log.error("{} refused: {}", backup != null ? "Backup" : "Restore", e.getMessage());
            return 1;
        } catch (Exception e) {
            log.error("{} failed: {}", backup != null ? "Backup" : "Restore", e.getMessage(), e);
            return 1;
        }
    }
}
