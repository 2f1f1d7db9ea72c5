package ar.aulas.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVMap;
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
    static final List<String> TAGS = List.of("t0", "t1", "t2", "t3", "t4", "t5");

    static final long DAY0 = 1_796_000_000_000L;

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
        if (random.nextInt(8) != 0) {
            d.append("at", new Date(DAY0 + random.nextInt(40) * 3_600_000L));
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
        switch (random.nextInt(12)) {
            case 0 -> f.append("course", oneOrIn(random, COURSES));
            case 1 -> f.append("course", oneOrIn(random, COURSES)).append("inst", oneOrIn(random, INSTITUTIONS));
            case 2 -> f.append("course", pick(random, COURSES)).append("inst", pick(random, INSTITUTIONS))
                    .append("status", oneOrIn(random, STATUSES));
            case 3 -> f.append("tags", oneOrIn(random, TAGS));
            case 4 -> f.append("a.b", "x" + random.nextInt(5));
            case 5 -> f.append("n", random.nextBoolean() ? (Object) random.nextInt(20) : (Object) (double) random.nextInt(20));
            case 6 -> f.append("n", range(random, () -> random.nextBoolean() ? (Object) random.nextInt(22) : (Object) (random.nextInt(44) / 2.0)));
            case 7 -> f.append("course", pick(random, COURSES)).append("at", range(random, () -> new Date(DAY0 + random.nextInt(42) * 3_600_000L)));
            // an array key (several entries per document): a range with two bounds reads from one of them
            case 8 -> f.append("tags", range(random, () -> "t" + random.nextInt(7)));
            case 9 -> f.append("course", range(random, () -> pick(random, COURSES)));
            // counted from the indexes when every branch is exactly an index's ranges (the first), else read
            case 10 -> f.append("$or", List.of(new Document("course", pick(random, COURSES)).append("inst", oneOrIn(random, INSTITUTIONS)),
                    new Document("n", random.nextInt(20)), new Document("a.b", "x" + random.nextInt(5))));
            default -> f.append("course", pick(random, COURSES)).append("$or", List.of(new Document("inst", pick(random, INSTITUTIONS)),
                    new Document("status", pick(random, STATUSES))));
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

    /** One or two range operators around values of the given kind. */
    static Document range(Random random, Supplier<Object> value) {
        Document range = new Document();
        int shape = random.nextInt(3);
        if (shape != 1) {
            range.append(random.nextBoolean() ? "$gt" : "$gte", value.get());
        }
        if (shape != 0) {
            range.append(random.nextBoolean() ? "$lt" : "$lte", value.get());
        }
        return range;
    }

    static final List<Document> SORTS = List.of(new Document("at", -1), new Document("at", 1), new Document("n", 1),
            new Document("n", -1), new Document("course", 1).append("at", 1), new Document("status", 1).append("at", -1),
            new Document("course", -1).append("inst", -1));

    static void indexed(MongoCollection<Document> c) {
        c.createIndex(Indexes.ascending("course", "inst", "status"), new IndexOptions().name("course_inst_status"));
        c.createIndex(Indexes.ascending("tags"), new IndexOptions().name("tags"));
        c.createIndex(Indexes.ascending("a.b"), new IndexOptions().name("a_b"));
        c.createIndex(Indexes.ascending("n"), new IndexOptions().name("n"));
        c.createIndex(Indexes.compoundIndex(Indexes.ascending("course"), Indexes.descending("at")), new IndexOptions().name("course_at"));
    }

    /** The values a sort compares, numbers as doubles (an int and a double of one value sort together). */
    static List<List<Object>> sortKeys(List<Document> documents, Document sort) {
        List<List<Object>> keys = new ArrayList<>();
        for (Document d : documents) {
            List<Object> key = new ArrayList<>();
            for (String field : sort.keySet()) {
                Object v = d.get(field);
                key.add(v instanceof Number n ? (Object) n.doubleValue() : v);
            }
            keys.add(key);
        }
        return keys;
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
            // sorted, with and without a skip and a limit: the same values in the same order (ties in any order)
            Document sort = pick(random, SORTS);
            int skip = random.nextInt(3) == 0 ? random.nextInt(30) : 0;
            int limit = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(25);
            List<Document> fromIndex = indexed.find(filter).sort(sort).skip(skip).limit(limit).into(new ArrayList<>());
            List<Document> fromScan = scanned.find(filter).sort(sort).skip(skip).limit(limit).into(new ArrayList<>());
            assertThat(sortKeys(fromIndex, sort)).as(when + ": " + filter + " sorted " + sort.toJson() + " skip " + skip
                    + " limit " + limit).isEqualTo(sortKeys(fromScan, sort));
            if (limit == 0 && skip == 0) {
                assertThat(fromIndex).hasSameSizeAs(fromScan);
            }
            assertThat(indexed.countDocuments(filter)).as(when + ": count " + filter).isEqualTo(scanned.countDocuments(filter));
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

    /**
     * A read in an index's order finds every document, also one whose sort key is an empty array (it gives no key
     * combination and is kept under the array itself); the newest first, stopping at the limit.
     */
    @Test
    void aReadInIndexOrderFindsDocumentsWhoseKeyIsAnEmptyArray() {
        try (EmbeddedMongo store = EmbeddedMongo.onDisk(data, 0, "idx");
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("idx").getCollection("docs");
            indexed(docs);
            for (int i = 0; i < 30; i++) {
                Object at = i % 10 == 0 ? List.of() : new Date(DAY0 + i * 60_000L);
                docs.insertOne(new Document("_id", "d" + i).append("course", i % 2 == 0 ? "A" : "B").append("at", at));
            }
            List<Document> course = docs.find(new Document("course", "A")).sort(new Document("at", -1)).into(new ArrayList<>());
            assertThat(course).extracting(d -> d.get("_id")).hasSize(15).contains("d0", "d10", "d20");
            assertThat(docs.find(new Document("course", "A")).sort(new Document("at", -1)).limit(3).into(new ArrayList<>()))
                    .extracting(d -> d.get("_id")).containsExactly("d28", "d26", "d24");
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

    /**
     * The planner reads through what holds the fewest entries for the filter, counted from the indexes' ranks: a
     * unique index whose keys the filter fixes first (its other conditions matched afterwards), a rare value's index
     * before a common one's even when both fix one key, an index read in the sort's order when a limit stops it
     * early, and a scan when no index begins with the filter's keys.
     */
    @Test
    void theReadWithTheFewestEntriesIsChosen() {
        MVStore memory = MVStore.open(null);
        try {
            var status = secondary(memory, "status", "status");
            var courseInstitution = secondary(memory, "course_inst", "course", "inst");
            var course = secondary(memory, "course", "course");
            var courseAt = secondary(memory, "course_at", "course", "at");
            var id = new DurableH2Backend.KeyedIndex(memory.openMap("id", new MVMap.Builder<
                    KeyValue, Object>().keyType(new DurableH2Backend.KeyType())), "_id_",
                    List.of(new IndexKey("_id", true)), false);
            List<Index<Object>> indexes = List.of(status, course, courseInstitution, courseAt, id);
            for (int i = 0; i < 1_000; i++) {
                var d = new de.bwaldvogel.mongo.bson.Document("_id", "d" + i).append("course", i < 600 ? "A" : "B")
                        .append("inst", "i" + (i % 10)).append("status", i % 250 == 0 ? "RARE" : "COMMON")
                        .append("at", Instant.ofEpochMilli(DAY0 + i * 60_000L));
                for (var index : indexes) {
                    index.add(d, "d" + i, null);
                }
            }
            var query = new de.bwaldvogel.mongo.bson.Document("course", "A").append("inst", "i1");
            assertThat(plan(indexes, query, null, 0).scan().index()).as("60 entries against 600").isSameAs(courseInstitution);
            var rare = new de.bwaldvogel.mongo.bson.Document("course", "A").append("status", "RARE");
            assertThat(plan(indexes, rare, null, 0).scan().index()).as("3 entries against 600").isSameAs(status);
            assertThat(plan(indexes, rare, null, 0).scan().entries()).isEqualTo(4);
            var latest = new de.bwaldvogel.mongo.bson.Document("at", -1);
            QueryPlanner.Plan newest = plan(indexes, new de.bwaldvogel.mongo.bson.Document("course", "A"), latest, 20);
            assertThat(newest.scan().index()).as("the newest 20 of course A: read backwards").isSameAs(courseAt);
            assertThat(newest.ordered()).isTrue();
            assertThat(newest.scan().reverse()).isTrue();
            assertThat(plan(indexes, rare, latest, 20).scan().index()).as("a rare value beats reading in order")
                    .isSameAs(status);
            var window = new de.bwaldvogel.mongo.bson.Document("course", "B").append("at", new de.bwaldvogel.mongo.bson.Document(
                    "$gte", Instant.ofEpochMilli(DAY0 + 900 * 60_000L)).append("$lt", Instant.ofEpochMilli(DAY0 + 950 * 60_000L)));
            QueryPlanner.Plan ranged = plan(indexes, window, null, 0);
            assertThat(ranged.scan().index()).as("a range on the key after the prefix").isSameAs(courseAt);
            assertThat(ranged.scan().entries()).isEqualTo(51);
            assertThat(plan(indexes, new de.bwaldvogel.mongo.bson.Document("inst", "i1"), null, 0))
                    .as("no index begins with inst: a scan").isSameAs(QueryPlanner.Plan.FULL_SCAN);
            QueryPlanner.Plan versioned = plan(indexes, new de.bwaldvogel.mongo.bson.Document("_id", "d7").append("version", 3)
                    .append("course", "A"), null, 0);
            assertThat(versioned.unique()).as("{_id, version} is served by _id").isSameAs(id);
            assertThat(versioned.uniqueQuery()).isEqualTo(new de.bwaldvogel.mongo.bson.Document("_id", "d7"));
            var and = new de.bwaldvogel.mongo.bson.Document("$and", List.of(new de.bwaldvogel.mongo.bson.Document("course", "A"),
                    new de.bwaldvogel.mongo.bson.Document("inst", "i1")));
            assertThat(plan(indexes, and, null, 0).scan().index()).as("conditions inside $and").isSameAs(courseInstitution);
        } finally {
            memory.close();
        }
    }

    private static QueryPlanner.Plan plan(List<Index<Object>> indexes,
            de.bwaldvogel.mongo.bson.Document query, de.bwaldvogel.mongo.bson.Document sort, int limit) {
        return QueryPlanner.plan(indexes, 1_000, query, sort, 0, limit);
    }

    private static SecondaryIndex secondary(MVStore store, String name, String... keys) {
        return new SecondaryIndex(store.openMap(name, new MVMap.Builder<KeyValue, Boolean>()
                .keyType(new SecondaryIndex.EntryType())), name,
                Arrays.stream(keys).map(k -> new IndexKey(k, true)).toList(), false);
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
