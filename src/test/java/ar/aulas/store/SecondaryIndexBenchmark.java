package ar.aulas.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Printed, never asserted: on the file backend, over the same 50,000 documents with the secondary indexes and without
 * them (a scan of every document), a find by a non-unique compound key, the newest 20 of a course (a sort with a
 * limit) and a count; and the time to open the store again.
 */
class SecondaryIndexBenchmark {

    static final int DOCUMENTS = Integer.getInteger("bench.secondary.documents", 50_000);

    @TempDir
    Path data;

    @Test
    void findByANonUniqueKeyWithAndWithoutTheIndex() {
        Random random = new Random(1);
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            docs.add(new Document("_id", "s" + i).append("courseCode", "C-" + random.nextInt(20))
                    .append("institutionId", "i" + random.nextInt(100)).append("status", "S" + random.nextInt(4))
                    .append("at", new Date(1_796_000_000_000L + i * 60_000L)).append("text", "x".repeat(400)));
        }
        long[] indexed;
        long[] scanned;
        long[] newestIndexed;
        long[] newestScanned;
        long[] countIndexed;
        long[] countScanned;
        try (EmbeddedMongo store = EmbeddedMongo.onDisk(data, 0, "bench");
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> with = client.getDatabase("bench").getCollection("with");
            MongoCollection<Document> without = client.getDatabase("bench").getCollection("without");
            with.createIndex(Indexes.ascending("courseCode", "institutionId", "status"), new IndexOptions().name("c_i_s"));
            with.createIndex(Indexes.compoundIndex(Indexes.ascending("courseCode"), Indexes.descending("at")),
                    new IndexOptions().name("c_at"));
            for (int from = 0; from < docs.size(); from += 5_000) {
                with.insertMany(docs.subList(from, Math.min(docs.size(), from + 5_000)));
                without.insertMany(docs.subList(from, Math.min(docs.size(), from + 5_000)));
            }
            indexed = time(with, 200);
            scanned = time(without, 20);
            newestIndexed = time(with, 200, newest);
            newestScanned = time(without, 20, newest);
            countIndexed = time(with, 200, counted);
            countScanned = time(without, 20, counted);
        }
        long t0 = System.nanoTime();
        try (EmbeddedMongo store = EmbeddedMongo.onDisk(data, 0, "bench");
                MongoClient client = MongoClients.create(store.connectionString())) {
            client.getDatabase("bench").getCollection("with").find(new Document("courseCode", "C-1")
                    .append("institutionId", "i1")).first();
        }
        double reopenMs = (System.nanoTime() - t0) / 1e6;
        System.out.printf("""
                | Secondary index (%d documents, file backend, %d cores) | median | p90 |
                |---|---|---|
                | find by {courseCode, institutionId}, indexed (200 finds) | %.2f ms | %.2f ms |
                | the same find, no index: a scan (20 finds) | %.2f ms | %.2f ms |
                | the newest 20 of a course (sort by date, limit 20), read in {courseCode, at} order (200) | %.2f ms | %.2f ms |
                | the same, no index: a scan and a sort in memory (20) | %.2f ms | %.2f ms |
                | countDocuments by {courseCode, institutionId}, from the index ranks (200) | %.2f ms | %.2f ms |
                | the same count, no index: every document read (20) | %.2f ms | %.2f ms |
                | open the store again and find once | %.0f ms | |
                """, DOCUMENTS, Runtime.getRuntime().availableProcessors(), ms(indexed, 50), ms(indexed, 90),
                ms(scanned, 50), ms(scanned, 90), ms(newestIndexed, 50), ms(newestIndexed, 90), ms(newestScanned, 50),
                ms(newestScanned, 90), ms(countIndexed, 50), ms(countIndexed, 90), ms(countScanned, 50),
                ms(countScanned, 90), reopenMs);
    }

    private static final BiConsumer<MongoCollection<Document>, Random> FIND = (c, random) -> c.find(
            new Document("courseCode", "C-" + random.nextInt(20)).append("institutionId", "i" + random.nextInt(100)))
            .into(new ArrayList<>());
    private final BiConsumer<MongoCollection<Document>, Random> newest = (c, random) -> c.find(
            new Document("courseCode", "C-" + random.nextInt(20))).sort(new Document("at", -1)).limit(20).into(new ArrayList<>());
    private final BiConsumer<MongoCollection<Document>, Random> counted = (c, random) -> c.countDocuments(
            new Document("courseCode", "C-" + random.nextInt(20)).append("institutionId", "i" + random.nextInt(100)));

    private static long[] time(MongoCollection<Document> collection, int n) {
        return time(collection, n, FIND);
    }

    private static long[] time(MongoCollection<Document> collection, int n,
            BiConsumer<MongoCollection<Document>, Random> read) {
        Random random = new Random(2);
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            read.accept(collection, random);
            times[i] = System.nanoTime() - t;
        }
        return times;
    }

    private static double ms(long[] values, int percentile) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
    }
}
