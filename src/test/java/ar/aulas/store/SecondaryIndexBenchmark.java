package ar.aulas.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Printed, never asserted: a find by a non-unique compound key on the file backend, with the secondary index and
 * without it (a scan of every document), over the same 50,000 documents; and the time to open the store again.
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
                    .append("text", "x".repeat(400)));
        }
        long[] indexed;
        long[] scanned;
        try (EmbeddedMongo store = EmbeddedMongo.onDisk(data, 0, "bench");
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> with = client.getDatabase("bench").getCollection("with");
            MongoCollection<Document> without = client.getDatabase("bench").getCollection("without");
            with.createIndex(Indexes.ascending("courseCode", "institutionId", "status"), new IndexOptions().name("c_i_s"));
            for (int from = 0; from < docs.size(); from += 5_000) {
                with.insertMany(docs.subList(from, Math.min(docs.size(), from + 5_000)));
                without.insertMany(docs.subList(from, Math.min(docs.size(), from + 5_000)));
            }
            indexed = time(with, 200);
            scanned = time(without, 20);
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
                | open the store again and find once | %.0f ms | |
                """, DOCUMENTS, Runtime.getRuntime().availableProcessors(), ms(indexed, 50), ms(indexed, 90),
                ms(scanned, 50), ms(scanned, 90), reopenMs);
    }

    private static long[] time(MongoCollection<Document> collection, int n) {
        Random random = new Random(2);
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            Document filter = new Document("courseCode", "C-" + random.nextInt(20)).append("institutionId", "i" + random.nextInt(100));
            long t = System.nanoTime();
            collection.find(filter).into(new ArrayList<>());
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
