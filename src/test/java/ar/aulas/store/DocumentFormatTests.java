package ar.aulas.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents kept as BSON by the file backend, and a store whose documents were Java-serialised moved to it once. */
class DocumentFormatTests {

    @TempDir
    Path data;

    private static List<Document> works(int n) {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            docs.add(new Document("_id", new ObjectId()).append("n", i).append("big", (long) i << 40)
                    .append("score", new Decimal128(i)).append("at", Date.from(Instant.ofEpochMilli(1_700_000_000_000L + i)))
                    .append("file", new Binary(new byte[] {1, 2, (byte) i}))
                    .append("attempts", List.of(new Document("text", "Trabajo técnico ñandú " + i).append("grade",
                            new Document("verdict", i % 2 == 0 ? "APPROVED" : null).append("levels", List.of(0, 2)))))
                    .append("tags", List.of()).append("empty", new Document()));
        }
        return docs;
    }

    private Path file() {
        return data.resolve(EmbeddedMongo.STORE_FILE);
    }

    private List<Document> writtenByTheStockBackend(int n) {
        List<Document> docs = works(n);
        MVStore stock = new MVStore.Builder().fileName(file().toString()).autoCommitDisabled().open();
        H2Backend backend = new H2Backend(stock);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            client.getDatabase("aulas").getCollection("works").insertMany(docs);
        }
        backend.commit();
        server.shutdown();
        return docs;
    }

    private void everyDocumentIsThere(List<Document> docs) {
        try (EmbeddedMongo store = EmbeddedMongo.onDisk(data, 0, "aulas");
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> works = client.getDatabase("aulas").getCollection("works");
            assertThat(works.countDocuments()).isEqualTo(docs.size());
            for (Document d : docs) {
                assertThat(works.find(new Document("_id", d.get("_id"))).first()).isEqualTo(d);
            }
            works.insertOne(new Document("_id", "after").append("n", -1));
            assertThat(works.find(new Document("_id", "after")).first().getInteger("n")).isEqualTo(-1);
            works.deleteOne(new Document("_id", "after"));
        }
    }

    private List<String> mapNames() {
        MVStore store = new MVStore.Builder().fileName(file().toString()).readOnly().open();
        try {
            return new ArrayList<>(store.getMapNames());
        } finally {
            store.close();
        }
    }

    @Test
    void aStoreOfJavaSerialisedDocumentsIsMovedToBsonOnceAndReadsTheSame() {
        List<Document> docs = writtenByTheStockBackend(2_000);
        everyDocumentIsThere(docs);
        assertThat(mapNames()).contains("databases.aulas.works").noneMatch(n -> n.startsWith("_aulas.legacy."));
        MVStore store = new MVStore.Builder().fileName(file().toString()).readOnly().open();
        try {
            assertThat(store.<String, Object>openMap("meta.aulas.works").get(DurableH2Backend.DOCUMENT_FORMAT)).isEqualTo("bson");
            MVMap<Object, de.bwaldvogel.mongo.bson.Document> raw = store.openMap("databases.aulas.works",
                    new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().valueType(BsonDocumentType.INSTANCE));
            assertThat(raw.size()).isEqualTo(2_000);
            assertThat(raw.values()).allSatisfy(d -> assertThat(d.get("attempts")).isInstanceOf(List.class));
        } finally {
            store.close();
        }
        everyDocumentIsThere(docs);
    }

    @Test
    void aMoveInterruptedHalfWayIsDoneAgainFromTheStart() {
        List<Document> docs = writtenByTheStockBackend(1_500);
        // as a crash during the first open leaves it: the old map set aside, the new one half copied, no mark
        MVStore store = new MVStore.Builder().fileName(file().toString()).autoCommitDisabled().open();
        MVMap<Object, Object> old = store.openMap("databases.aulas.works");
        store.renameMap(old, "_aulas.legacy.aulas.works");
        MVMap<Object, de.bwaldvogel.mongo.bson.Document> half = store.openMap("databases.aulas.works",
                new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().valueType(BsonDocumentType.INSTANCE));
        half.put("stray", new de.bwaldvogel.mongo.bson.Document("_id", "stray"));
        store.commit();
        store.close();

        everyDocumentIsThere(docs);
        assertThat(mapNames()).noneMatch(n -> n.startsWith("_aulas.legacy."));
    }
}
