package ar.aulas.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file backend's unique indexes, kept in maps that compare keys by value (see DurableH2Backend). */
class KeyedIndexesTests {

    @TempDir
    Path data;

    private static List<Document> people(int n) {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            docs.add(new Document("_id", new ObjectId()).append("code", "c-" + i).append("course", "GL-" + (i % 7))
                    .append("owner", "p:" + i).append("n", i));
        }
        return docs;
    }

    private static void indexed(MongoCollection<Document> people) {
        people.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true).name("code"));
        people.createIndex(Indexes.ascending("course", "owner"), new IndexOptions().unique(true).name("one_per_owner"));
    }

    private static void everyKeyFinds(MongoCollection<Document> people, List<Document> docs) {
        for (Document d : docs) {
            assertThat(people.find(new Document("_id", d.get("_id"))).first()).as("by _id").isEqualTo(d);
            assertThat(people.find(new Document("code", d.get("code"))).first()).as("by code").isEqualTo(d);
            assertThat(people.find(new Document("course", d.get("course")).append("owner", d.get("owner"))).first())
                    .as("by course and owner").isEqualTo(d);
        }
        assertThatThrownBy(() -> people.insertOne(new Document("code", docs.get(3).get("code"))))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> people.insertOne(new Document("_id", docs.get(4).get("_id"))))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
    }

    private List<String> mapNames() {
        MVStore store = new MVStore.Builder().fileName(data.resolve(EmbeddedMongo.STORE_FILE).toString()).readOnly().open();
        try {
            return new ArrayList<>(store.getMapNames());
        } finally {
            store.close();
        }
    }

    @Test
    void aStoreWrittenByTheStockBackendFindsByEveryUniqueKeyOnceItsIndexesAreRebuilt() {
        List<Document> docs = people(3_000);
        MVStore stock = new MVStore.Builder().fileName(data.resolve(EmbeddedMongo.STORE_FILE).toString()).autoCommitDisabled().open();
        H2Backend backend = new H2Backend(stock);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> people = client.getDatabase("keys").getCollection("people");
            indexed(people);
            people.insertMany(docs);
        }
        backend.commit();
        server.shutdown();
        assertThat(mapNames()).contains("keys.people._index_code").noneMatch(n -> n.contains(DurableH2Backend.INDEX_MAP_INFIX));

        try (EmbeddedMongo store = EmbeddedMongo.onDisk(data, 0, "keys");
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> people = client.getDatabase("keys").getCollection("people");
            everyKeyFinds(people, docs);
            // an update moves the document's key: found by the new one only
            people.updateOne(new Document("_id", docs.get(5).get("_id")), new Document("$set", new Document("code", "moved")));
            assertThat(people.find(new Document("code", "moved")).first()).extracting(d -> d.get("n")).isEqualTo(5);
            assertThat(people.find(new Document("code", "c-5")).first()).isNull();
            people.insertOne(new Document("code", "c-5"));
            assertThat(people.countDocuments()).isEqualTo(3_001);
        }
        assertThat(mapNames()).contains("keys.people" + DurableH2Backend.INDEX_MAP_INFIX + "code",
                "keys.people" + DurableH2Backend.INDEX_MAP_INFIX + "one_per_owner",
                "keys.people" + DurableH2Backend.INDEX_MAP_INFIX + "_id_")
                .noneMatch(n -> n.contains("._index_"));
    }

    @Test
    void aCompactedStoreStillFindsByItsIndexesAndADroppedIndexLeavesNoMap() {
        List<Document> docs = people(2_000);
        try (EmbeddedMongo store = EmbeddedMongo.onDisk(data, 0, "keys");
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> people = client.getDatabase("keys").getCollection("people");
            indexed(people);
            people.insertMany(docs);
        }
        String file = data.resolve(EmbeddedMongo.STORE_FILE).toString();
        MVStoreTool.compactCleanUp(file);
        MVStoreTool.compact(file, false);

        try (EmbeddedMongo store = EmbeddedMongo.onDisk(data, 0, "keys");
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> people = client.getDatabase("keys").getCollection("people");
            everyKeyFinds(people, docs);
            people.dropIndex("code");
            people.insertOne(new Document("code", docs.get(0).get("code")));
            assertThat(people.countDocuments(new Document("code", docs.get(0).get("code")))).isEqualTo(2);
        }
        assertThat(mapNames()).doesNotContain("keys.people" + DurableH2Backend.INDEX_MAP_INFIX + "code")
                .contains("keys.people" + DurableH2Backend.INDEX_MAP_INFIX + "one_per_owner");
    }

    @Test
    void aFilterOfOnlyAUniqueIndexsKeysFindsExactlyItsDocumentsSortedSkippedLimitedAndProjected() {
        List<Document> docs = people(3_000);
        try (EmbeddedMongo store = EmbeddedMongo.onDisk(data, 0, "keys");
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> people = client.getDatabase("keys").getCollection("people");
            indexed(people);
            people.insertMany(docs);
            List<Object> wanted = new ArrayList<>();
            for (int i = 0; i < 3_000; i += 3) {
                wanted.add(docs.get(i).get("_id"));
            }
            wanted.add(new ObjectId());
            List<Integer> expected = new ArrayList<>();
            for (int i = 2_997; i >= 0; i -= 3) {
                expected.add(i);
            }
            List<Integer> found = new ArrayList<>();
            people.find(new Document("_id", new Document("$in", wanted))).sort(new Document("n", -1)).skip(10).limit(50)
                    .projection(new Document("n", 1)).forEach(d -> {
                        assertThat(d.keySet()).containsExactlyInAnyOrder("_id", "n");
                        found.add(d.getInteger("n"));
                    });
            assertThat(found).isEqualTo(expected.subList(10, 60));
            assertThat(people.countDocuments(new Document("_id", new Document("$in", wanted)))).isEqualTo(1_000);
            // with a condition beside the keys, every document is still matched against it
            assertThat(people.countDocuments(new Document("_id", new Document("$in", wanted)).append("n",
                    new Document("$gte", 1_500)))).isEqualTo(500);
            assertThat(people.find(new Document("code", new Document("$in", List.of("c-7", "c-8", "nadie"))))
                    .map(d -> d.getInteger("n")).into(new ArrayList<>())).containsExactlyInAnyOrder(7, 8);
            // a compound unique index with $in on one of its keys: each combination looked up
            assertThat(people.find(new Document("course", "GL-3").append("owner", new Document("$in",
                    List.of("p:3", "p:10", "p:4", "p:17", "p:nadie")))).map(d -> d.getInteger("n")).into(new ArrayList<>()))
                    .containsExactlyInAnyOrder(3, 10, 17);
            assertThat(people.find(new Document("course", new Document("$in", List.of("GL-0", "GL-1"))).append("owner",
                    new Document("$in", List.of("p:7", "p:8", "p:14")))).map(d -> d.getInteger("n")).into(new ArrayList<>()))
                    .containsExactlyInAnyOrder(7, 8, 14);
        }
    }
}
