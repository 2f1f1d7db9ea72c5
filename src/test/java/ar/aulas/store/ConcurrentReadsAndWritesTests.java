package ar.aulas.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentReadsAndWritesTests {

    @TempDir
    Path data;

    /**
     * With no old chunks kept, a commit could reuse a chunk that a scan was still reading ("Unable to read the
     * page"): it happened generating size L, with the generator, the certificate workers and the participation
     * figures at once. Scans and writes at once, on the durable file backend, for a few seconds.
     */
    private static Thread started(Runnable work) {
        Thread t = new Thread(work);
        t.start();
        return t;
    }

    @Test
    void scansWhileOthersWriteNeverReadAReusedChunk() throws Exception {
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong scans = new AtomicLong();
        AtomicLong writes = new AtomicLong();
        try (EmbeddedMongo store = EmbeddedMongo.onDisk(data, 0, "concurrency");
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> records = client.getDatabase("concurrency").getCollection("records");
            List<Document> batch = new ArrayList<>();
            // more than the store's page cache (16 MB), so scans read pages from the file
            for (int i = 0; i < 30_000; i++) {
                batch.add(new Document("_id", "r" + i).append("n", i).append("text", "x".repeat(1_000) + i));
                if (batch.size() == 2_000) {
                    records.insertMany(batch);
                    batch.clear();
                }
            }
            List<Thread> threads = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                threads.add(started(() -> {
                    while (!stop.get()) {
                        try {
                            long seen = records.countDocuments(new Document("n", new Document("$gte", 0)));
                            if (seen < 30_000) {
                                failures.add(new AssertionError("a scan saw " + seen + " of at least 5000 documents"));
                            }
                            scans.incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                }));
            }
            for (int w = 0; w < 2; w++) {
                int writer = w;
                threads.add(started(() -> {
                    long i = 0;
                    while (!stop.get()) {
                        try {
                            records.updateMany(new Document("n", new Document("$mod", List.of(97, (i * 2 + writer) % 97))),
                                    new Document("$set", new Document("text", "y".repeat(1_000 + (int) (i % 50)))));
                            records.insertOne(new Document("_id", "w" + writer + "-" + i).append("n", 100_000 + i));
                            writes.addAndGet(2);
                            i++;
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                }));
            }
            Thread.sleep(6_000);
            stop.set(true);
            for (Thread t : threads) {
                t.join(30_000);
            }
            assertThat(failures).isEmpty();
            assertThat(scans.get()).isPositive();
            assertThat(writes.get()).isPositive();
            assertThat(records.countDocuments()).isEqualTo(30_000 + writes.get() / 2);
        }
    }
}
