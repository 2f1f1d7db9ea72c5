package ar.aulas.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store stopped cleanly with much free space is compacted then, so its next start reads a small file. */
class CompactionTests {

    @TempDir
    Path dir;

    @Test
    void aCleanStopCompactsAFileMostlyFreeAndKeepsEveryDocument() throws Exception {
        Path file = dir.resolve(EmbeddedMongo.STORE_FILE);
        try (EmbeddedMongo store = EmbeddedMongo.onDisk(dir, 0, "aulas"); MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> things = client.getDatabase("aulas").getCollection("things");
            String filler = "x".repeat(2_000);
            for (int batch = 0; batch < 20; batch++) {
                List<Document> docs = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    docs.add(new Document("_id", batch * 100 + i).append("filler", filler));
                }
                things.insertMany(docs);
            }
            things.deleteMany(new Document("_id", new Document("$gte", 100)));
            assertThat(things.countDocuments()).isEqualTo(100);
        }
        long afterStop = Files.size(file);

        try (EmbeddedMongo store = EmbeddedMongo.onDisk(dir, 0, "aulas"); MongoClient client = MongoClients.create(store.connectionString())) {
            assertThat(client.getDatabase("aulas").getCollection("things").countDocuments()).isEqualTo(100);
            assertThat(client.getDatabase("aulas").getCollection("things").find(new Document("_id", 42)).first().getString("filler"))
                    .hasSize(2_000);
        }
        // 100 documents of 2 KB remain of 2,000 written: the file holds about them, not every chunk ever committed
        assertThat(afterStop).as("file size after a clean stop").isLessThan(2_000L * 2_000);
    }
}
