package ar.aulas.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file backend's non-unique indexes answer exactly as a full scan does: random documents, random updates and
 * deletes, then random filters (equality and $in on index prefixes, with other conditions besides), compared with
 * the in-memory backend (which scans) after every step, after a restart, after compaction, and after an index is
 * dropped and created again. A fixed seed makes every run the same.
 */
class SecondaryIndexesTests {

    static final List<String> COURSES = List.of("AGC-2026", "AGC-2027", "GM-1", "GM-2", "Ñandú");
    static final List<String> INSTITUTIONS = List.of("i1", "i2", "i3", "i4");
    static final List<String> STATUSES = List.of("DRAFT", "SUBMITTED", "GRADED", "NEEDS_REVISION");

    @TempDir
    Path data;

    static Document randomDocument(Random random, int i) {
        Document d = new Document("_id", "d" + i).append("course", pick(random, COURSES));
        int inst = random.nextInt(6);
        if (inst < 4) {
            d.append("inst", INSTITUTIONS.get(inst));
        } else if (inst == 4) {
            d.append("inst", null);
        }
        d.append("status", pick(random, STATUSES));
        // the same number as an int or as a double: equal for MongoDB
        int n = random.nextInt(20);
        d.append("n", random.nextBoolean() ? (Object) n : (Object) (double) n);
        if (random.nextInt(3) == 0) {
            List<String> tags = new ArrayList<>();
            for (int t = random.nextInt(4); t > 0; t--) {
                tags.add("t" + random.nextInt(6));
            }
            d.append("tags", tags);
        } else if (random.nextBoolean()) {
            d.append("tags", "t" + random.nextInt(6));
        }
        if (random.nextBoolean()) {
            d.append("a", new Document("b", "x" + random.nextInt(5)));
        }
        return d;
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static Object oneOrIn(Random random, List<?> values) {
        if (random.nextInt(3) == 0) {
            List<Object> in = new ArrayList<>();
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                in.add(pick(random, values));
            }
            return new Document("$in", in);
        }
        return pick(random, values);
    }

    static Bson randomFilter(Random random) {
        Document f = new Document();
        switch (random.nextInt(6)) {
            case 0 -> f.append("course", oneOrIn(random, COURSES));
            case 1 -> f.append("course", oneOrIn(random, COURSES)).append("inst", oneOrIn(random, INSTITUTIONS));
            case 2 -> f.append("course", pick(random, COURSES)).append("inst", pick(random, INSTITUTIONS))
                    .append("status", oneOrIn(random, STATUSES));
            case 3 -> f.append("tags", "t" + random.nextInt(6));
            case 4 -> f.append("a.b", "x" + random.nextInt(5));
            default -> f.append("n", random.nextBoolean() ? (Object) random.nextInt(20) : (Object) (double) random.nextInt(20));
        }
        // conditions the index does not serve, matched on what it returns
        if (random.nextInt(3) == 0) {
            f.append("status", new Document("$ne", pick(random, STATUSES)));
        }
        if (random.nextInt(5) == 0) {
            f.append("inst", null);
        }
        return f;
    }

    static void indexed(MongoCollection<Document> c) {
        c.createIndex(Indexes.ascending("course", "inst", "status"), new IndexOptions().name("course_inst_status"));
        c.createIndex(Indexes.ascending("tags"), new IndexOptions().name("tags"));
        c.createIndex(Indexes.ascending("a.b"), new IndexOptions().name("a_b"));
        c.createIndex(Indexes.ascending("n"), new IndexOptions().name("n"));
    }

    static Set<Object> ids(MongoCollection<Document> c, Bson filter) {
        Set<Object> ids = new HashSet<>();
        c.find(filter).forEach(d -> ids.add(d.get("_id")));
        return ids;
    }

    static void sameAnswers(MongoCollection<Document> indexed, MongoCollection<Document> scanned, long seed, String when) {
        Random random = new Random(seed);
        for (int q = 0; q < 300; q++) {
            Bson filter = randomFilter(random);
            assertThat(ids(indexed, filter)).as(when + ": " + filter).isEqualTo(ids(scanned, filter));
        }
    }

    @Test
    void randomFiltersFindWhatAFullScanFindsThroughChangesRestartsCompactionAndARebuiltIndex() {
        Random random = new Random(20261202L);
        try (EmbeddedMongo scanning = EmbeddedMongo.inMemory("scan");
                MongoClient scanClient = MongoClients.create(scanning.connectionString())) {
            MongoCollection<Document> scanned = scanClient.getDatabase("scan").getCollection("docs");
            int next = 0;
            try (EmbeddedMongo store = EmbeddedMongo.onDisk(data, 0, "idx");
                    MongoClient client = MongoClients.create(store.connectionString())) {
                MongoCollection<Document> docs = client.getDatabase("idx").getCollection("docs");
                // half the documents before the indexes exist (built from them), half after (written with them)
                List<Document> before = new ArrayList<>();
                for (; next < 1_500; next++) {
                    before.add(randomDocument(random, next));
                }
                docs.insertMany(before);
                scanned.insertMany(before);
                indexed(docs);
                for (; next < 3_000; next++) {
                    Document d = randomDocument(random, next);
                    docs.insertOne(d);
                    scanned.insertOne(d);
                }
                sameAnswers(docs, scanned, 1, "after inserts");
                for (int u = 0; u < 800; u++) {
                    Document id = new Document("_id", "d" + random.nextInt(next));
                    Document change = switch (random.nextInt(4)) {
                        case 0 -> new Document("$set", new Document("status", pick(random, STATUSES)));
                        case 1 -> new Document("$set", new Document("course", pick(random, COURSES)).append("inst",
                                pick(random, INSTITUTIONS)));
                        case 2 -> new Document("$unset", new Document("inst", ""));
                        default -> new Document("$set", new Document("tags", List.of("t" + random.nextInt(6), "t9")));
                    };
                    docs.updateOne(id, change);
                    scanned.updateOne(id, change);
                }
                for (int r = 0; r < 300; r++) {
                    Document id = new Document("_id", "d" + random.nextInt(next));
                    docs.deleteOne(id);
                    scanned.deleteOne(id);
                }
                Document replacement = randomDocument(random, 7);
                docs.replaceOne(new Document("_id", "d7"), replacement);
                scanned.replaceOne(new Document("_id", "d7"), replacement);
                sameAnswers(docs, scanned, 2, "after updates and deletes");
            }
            assertThat(mapNames()).contains("idx.docs" + DurableH2Backend.SECONDARY_MAP_INFIX + "course_inst_status",
                    "idx.docs" + DurableH2Backend.SECONDARY_MAP_INFIX + "tags");

            try (EmbeddedMongo store = EmbeddedMongo.onDisk(data, 0, "idx");
                    MongoClient client = MongoClients.create(store.connectionString())) {
                sameAnswers(client.getDatabase("idx").getCollection("docs"), scanned, 3, "after a restart");
            }
            String file = data.resolve(EmbeddedMongo.STORE_FILE).toString();
            MVStoreTool.compactCleanUp(file);
            MVStoreTool.compact(file, false);
            try (EmbeddedMongo store = EmbeddedMongo.onDisk(data, 0, "idx");
                    MongoClient client = MongoClients.create(store.connectionString())) {
                MongoCollection<Document> docs = client.getDatabase("idx").getCollection("docs");
                sameAnswers(docs, scanned, 4, "after compaction");
                docs.dropIndex("course_inst_status");
                for (int i = 0; i < 200; i++, next++) {
                    Document d = randomDocument(random, next);
                    docs.insertOne(d);
                    scanned.insertOne(d);
                }
                docs.createIndex(Indexes.ascending("course", "inst", "status"), new IndexOptions().name("course_inst_status"));
                sameAnswers(docs, scanned, 5, "after the index was dropped and created again");
            }
        }
    }

    @Test
    void anIndexLeftHalfBuiltIsBuiltAgainAtOpen() {
        Random random = new Random(7L);
        List<Document> all = new ArrayList<>();
        try (EmbeddedMongo store = EmbeddedMongo.onDisk(data, 0, "idx");
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("idx").getCollection("docs");
            for (int i = 0; i < 500; i++) {
                all.add(randomDocument(random, i));
            }
            docs.insertMany(all);
            indexed(docs);
        }
        // as a crash during the build would leave it: entries missing and the index not marked complete
        String name = "idx.docs" + DurableH2Backend.SECONDARY_MAP_INFIX + "course_inst_status";
        MVStore raw = new MVStore.Builder().fileName(data.resolve(EmbeddedMongo.STORE_FILE).toString()).open();
        var entries = raw.openMap(name);
        List<Object> keys = new ArrayList<>(entries.keySet());
        for (int i = 0; i < keys.size(); i += 2) {
            entries.remove(keys.get(i));
        }
        raw.<String, String>openMap(DurableH2Backend.INDEX_STATE).remove(name);
        raw.commit();
        raw.close();

        try (EmbeddedMongo store = EmbeddedMongo.onDisk(data, 0, "idx");
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("idx").getCollection("docs");
            for (String course : COURSES) {
                long expected = all.stream().filter(d -> d.get("course").equals(course)).count();
                assertThat(ids(docs, new Document("course", course))).as(course).hasSize((int) expected);
            }
        }
    }

    /** Of several indexes that can serve a filter, the one fixing the most leading keys is read; a unique one first. */
    @Test
    void theIndexFixingTheMostKeysIsChosen() {
        MVStore memory = MVStore.open(null);
        try {
            var status = secondary(memory, "status", "status");
            var courseInstitution = secondary(memory, "course_inst", "course", "inst");
            var course = secondary(memory, "course", "course");
            List<de.bwaldvogel.mongo.backend.Index<Object>> indexes = List.of(status, course, courseInstitution);
            var query = new de.bwaldvogel.mongo.bson.Document("course", "AGC-2026").append("inst", "i1").append("status", "GRADED");
            assertThat(SecondaryIndex.best(indexes, query)).isSameAs(courseInstitution);
            assertThat(SecondaryIndex.best(indexes, new de.bwaldvogel.mongo.bson.Document("course", "AGC-2026")))
                    .as("a tie: the first").isSameAs(course);
            assertThat(SecondaryIndex.best(indexes, new de.bwaldvogel.mongo.bson.Document("inst", "i1")))
                    .as("no index begins with inst: a scan").isNull();
            assertThat(SecondaryIndex.best(indexes, new de.bwaldvogel.mongo.bson.Document("course",
                    new de.bwaldvogel.mongo.bson.Document("$gt", "A")))).as("not equality").isNull();
        } finally {
            memory.close();
        }
    }

    private static SecondaryIndex secondary(MVStore store, String name, String... keys) {
        return new SecondaryIndex(store.openMap(name, new org.h2.mvstore.MVMap.Builder<de.bwaldvogel.mongo.backend.KeyValue, Boolean>()
                .keyType(new SecondaryIndex.EntryType())), name,
                java.util.Arrays.stream(keys).map(k -> new de.bwaldvogel.mongo.backend.IndexKey(k, true)).toList(), false);
    }

    private List<String> mapNames() {
        MVStore store = new MVStore.Builder().fileName(data.resolve(EmbeddedMongo.STORE_FILE).toString()).readOnly().open();
        try {
            return new ArrayList<>(store.getMapNames());
        } finally {
            store.close();
        }
    }
}
