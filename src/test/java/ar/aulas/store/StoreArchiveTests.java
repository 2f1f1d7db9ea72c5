package ar.aulas.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.aulas.support.AulasIntegrationTest;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBuckets;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Backups of the running test store, restored into new stores, as an operator would. */
@AulasIntegrationTest
class StoreArchiveTests {

    @Autowired MongoTemplate mongo;
    @TempDir Path dir;

    EmbeddedMongo target;
    MongoClient client;
    MongoDatabase restored;

    @BeforeEach
    void emptyStore() {
        target = EmbeddedMongo.inMemory("restored");
        client = MongoClients.create(target.connectionString());
        restored = client.getDatabase("restored");
    }

    @AfterEach
    void close() {
        client.close();
        target.close();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static List<Document> manifest(Path archive) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile());
                InputStream in = zip.getInputStream(zip.getEntry(StoreArchive.MANIFEST))) {
            return Document.parse(new String(in.readAllBytes())).getList("collections", Document.class);
        }
    }

    @Test
    void aBackupRestoredIntoAnEmptyStoreHoldsTheSameDocumentsFilesAndIndexes() throws Exception {
        byte[] pdf = new byte[300_000];
        new Random(7).nextBytes(pdf);
        ObjectId fileId = GridFSBuckets.create(mongo.getDb()).uploadFromStream("archivo.pdf", new ByteArrayInputStream(pdf));
        Path archive = dir.resolve("aulas.zip");

        StoreArchive.Summary written = StoreArchive.backup(mongo.getDb(), archive);
        StoreArchive.Summary read = StoreArchive.restore(restored, archive, false);

        assertThat(read).isEqualTo(written);
        assertThat(written.collections()).isGreaterThan(10);
        // the restored store backed up again gives the very same bytes, collection by collection
        Path again = dir.resolve("again.zip");
        StoreArchive.backup(restored, again);
        assertThat(manifest(again)).extracting(c -> c.getString("name") + " " + c.get("count") + " " + c.getString("sha256"))
                .containsExactlyElementsOf(manifest(archive).stream()
                        .map(c -> c.getString("name") + " " + c.get("count") + " " + c.getString("sha256")).toList());
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        GridFSBuckets.create(restored).downloadToStream(fileId, file);
        assertThat(sha256(file.toByteArray())).isEqualTo(sha256(pdf));
        assertThat(restored.getCollection("accounts").countDocuments())
                .isEqualTo(mongo.getCollection("accounts").countDocuments());
        List<String> indexes = new ArrayList<>();
        restored.getCollection("accounts").listIndexes().forEach(i -> indexes.add(i.getString("name")));
        List<String> original = new ArrayList<>();
        mongo.getCollection("accounts").listIndexes().forEach(i -> original.add(i.getString("name")));
        assertThat(indexes).containsExactlyInAnyOrderElementsOf(original);
    }

    @Test
    void aStoreWithDataIsReplacedOnlyWhenForced() throws Exception {
        Path archive = dir.resolve("aulas.zip");
        StoreArchive.backup(mongo.getDb(), archive);
        restored.getCollection("accounts").insertOne(new Document("_id", "someone").append("fullName", "Alguien"));

        assertThatThrownBy(() -> StoreArchive.restore(restored, archive, false))
                .isInstanceOf(StoreArchive.ArchiveException.class).hasMessageContaining("already holds data");
        assertThat(restored.getCollection("accounts").countDocuments()).isEqualTo(1);

        StoreArchive.restore(restored, archive, true);
        assertThat(restored.getCollection("accounts").countDocuments(new Document("_id", "someone"))).isZero();
        assertThat(restored.getCollection("accounts").countDocuments())
                .isEqualTo(mongo.getCollection("accounts").countDocuments());
    }

    @Test
    void aCutShortOrDamagedArchiveIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path archive = dir.resolve("aulas.zip");
        StoreArchive.backup(mongo.getDb(), archive);
        byte[] whole = Files.readAllBytes(archive);

        Path cut = dir.resolve("cut.zip");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> StoreArchive.restore(restored, cut, false))
                .isInstanceOf(StoreArchive.ArchiveException.class).hasMessageContaining("damaged or cut short");

        // the same entries and manifest, one byte of one document changed
        Path damaged = dir.resolve("damaged.zip");
        try (ZipFile zip = new ZipFile(archive.toFile());
                OutputStream file = Files.newOutputStream(damaged);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                byte[] bytes = zip.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("collections/accounts.bson")) {
                    bytes[bytes.length / 2] ^= 1;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        assertThatThrownBy(() -> StoreArchive.restore(restored, damaged, false))
                .isInstanceOf(StoreArchive.ArchiveException.class).hasMessageContaining("accounts");

        Path notOurs = dir.resolve("other.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(notOurs))) {
            out.putNextEntry(new ZipEntry("word/document.xml"));
            out.write("<w/>".getBytes());
            out.closeEntry();
        }
        assertThatThrownBy(() -> StoreArchive.restore(restored, notOurs, false))
                .isInstanceOf(StoreArchive.ArchiveException.class).hasMessageContaining("no manifest");

        assertThat(restored.listCollectionNames().into(new ArrayList<>())).as("nothing written").isEmpty();
    }

    @Test
    void theCommandsBackUpAndRestoreTheEmbeddedStoresFilesAndExitWithTheirStatus() throws Exception {
        Path source = dir.resolve("source");
        try (EmbeddedMongo store = EmbeddedMongo.onDisk(source, 0, "aulas");
                MongoClient c = MongoClients.create(store.connectionString())) {
            c.getDatabase("aulas").getCollection("courses").insertOne(new Document("_id", "AGC-2026").append("title", "Aulas"));
        }
        Path archive = dir.resolve("backup/aulas.zip");

        assertThat(ArchiveCommand.runIfAsked(new String[] {"--aulas.backup=" + archive,
                "--aulas.store.data-dir=" + source})).isZero();
        assertThat(archive).exists();
        Path copy = dir.resolve("copy");
        String[] restore = {"--aulas.restore=" + archive, "--aulas.store.data-dir=" + copy};
        assertThat(ArchiveCommand.runIfAsked(restore)).isZero();
        assertThat(ArchiveCommand.runIfAsked(restore)).as("the copy holds data now").isEqualTo(1);
        assertThat(ArchiveCommand.runIfAsked(new String[] {"--aulas.restore=" + dir.resolve("missing.zip"),
                "--aulas.store.data-dir=" + dir.resolve("empty")})).isEqualTo(1);
        assertThat(ArchiveCommand.runIfAsked(new String[] {"--server.port=0"})).isEqualTo(-1);

        try (EmbeddedMongo store = EmbeddedMongo.onDisk(copy, 0, "aulas");
                MongoClient c = MongoClients.create(store.connectionString())) {
            assertThat(c.getDatabase("aulas").getCollection("courses").find().first().getString("title")).isEqualTo("Aulas");
            // while something runs on that store, a backup of its files is refused, not attempted
            assertThat(ArchiveCommand.runIfAsked(new String[] {"--aulas.backup=" + dir.resolve("busy.zip"),
                    "--aulas.store.data-dir=" + copy})).isEqualTo(1);
            assertThat(dir.resolve("busy.zip")).doesNotExist();
        }
    }
}
