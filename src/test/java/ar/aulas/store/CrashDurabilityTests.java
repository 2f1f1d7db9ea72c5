package ar.aulas.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every write the embedded file store acknowledged survives a kill -9 of its process: a child JVM
 * writes, is killed with SIGKILL right after an acknowledgement, and the store is reopened.
 */
class CrashDurabilityTests {

    static final int TRIALS = 3;
    static final int ACKS_BEFORE_KILL = 1500;

    @TempDir
    Path temp;

    @Test
    void everyAcknowledgedWriteSurvivesAKillDashNine() throws Exception {
        for (int trial = 1; trial <= TRIALS; trial++) {
            Path data = temp.resolve("trial-" + trial);
            Acknowledged acked = runChildAndKillIt(data);
            assertThat(acked.inserts).as("the child wrote before it was killed").hasSizeGreaterThan(ACKS_BEFORE_KILL / 2);

            try (EmbeddedMongo reopened = EmbeddedMongo.onDisk(data, 0, "durability");
                    MongoClient client = MongoClients.create(reopened.connectionString())) {
                MongoDatabase db = client.getDatabase("durability");
                Set<Integer> stored = new HashSet<>();
                db.getCollection("docs").find().forEach(d -> stored.add(d.getInteger("_id")));
                Set<Integer> expected = new HashSet<>(acked.inserts);
                expected.removeAll(acked.deletes);
                // The child may have deleted doc i-5 (at iteration i, i % 10 == 9) after its last line we read:
                // that delete happened, we just did not see its acknowledgement, so those ids may be gone.
                int lastInsert = acked.inserts.stream().mapToInt(Integer::intValue).max().orElse(0);
                expected.removeIf(id -> id % 10 == 4 && id >= lastInsert - 5);

                assertThat(stored).as("trial %d: acknowledged inserts", trial).containsAll(expected);
                assertThat(stored).as("trial %d: acknowledged deletes", trial).doesNotContainAnyElementsOf(acked.deletes);
                // the secondary index agrees with the documents it follows: what it finds is what a scan finds
                Map<Integer, Set<Integer>> byGroup = new HashMap<>();
                db.getCollection("docs").find().forEach(d -> byGroup.computeIfAbsent(d.getInteger("group"),
                        g -> new HashSet<>()).add(d.getInteger("_id")));
                for (int g = 0; g < 7; g++) {
                    Set<Integer> indexed = new HashSet<>();
                    db.getCollection("docs").find(Filters.eq("group", g)).forEach(d -> indexed.add(d.getInteger("_id")));
                    assertThat(indexed).as("trial %d: group %d through its index", trial, g)
                            .isEqualTo(byGroup.getOrDefault(g, Set.of()));
                }
                Document counter = db.getCollection("counters").find(Filters.eq("_id", "seq")).first();
                assertThat(counter).isNotNull();
                assertThat(counter.getInteger("n")).as("trial %d: acknowledged $inc", trial)
                        .isGreaterThanOrEqualTo(acked.lastCounter);
                System.out.printf("durability trial %d: %d inserts, %d deletes, counter %d acknowledged; 0 lost;"
                        + " store file %d KB%n", trial, acked.inserts.size(), acked.deletes.size(), acked.lastCounter,
                        Files.size(reopened.file()) / 1024);
            }
        }
    }

    static final class Acknowledged {
        final Set<Integer> inserts = new HashSet<>();
        final Set<Integer> deletes = new HashSet<>();
        int lastCounter;
    }

    private static Acknowledged runChildAndKillIt(Path data) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                DurabilityChild.class.getName(), data.toString())
                .redirectError(ProcessBuilder.Redirect.to(new File(data.getParent().toFile(), "child-stderr.log")))
                .start();
        Acknowledged acked = new Acknowledged();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                String[] parts = line.split(" ");
                switch (parts[0]) {
                    case "INSERT" -> acked.inserts.add(Integer.parseInt(parts[1]));
                    case "DELETE" -> acked.deletes.add(Integer.parseInt(parts[1]));
                    case "COUNTER" -> acked.lastCounter = Integer.parseInt(parts[1]);
                    default -> { }
                }
                if (acked.inserts.size() >= ACKS_BEFORE_KILL) {
                    child.destroyForcibly(); // SIGKILL: no shutdown hook, no final commit
                    break;
                }
            }
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        return acked;
    }
}
