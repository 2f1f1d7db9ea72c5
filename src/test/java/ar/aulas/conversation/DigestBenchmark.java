package ar.aulas.conversation;

import ar.aulas.demo.DataGenerator;
import ar.aulas.support.AulasIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The debates' daily digest for 10,000 participants (10 editions of 1,000, 20 posts yesterday in each), on the
 * embedded store's durable file backend, printed and never asserted as a limit.
 * {@code ./mvnw -Pbench verify -Dtest=DigestBenchmark}; results also go to target/bench/digest.json.
 */
@AulasIntegrationTest
@TestPropertySource(properties = {"aulas.store.backend=${bench.backend:file}",
        "aulas.store.data-dir=target/bench/store-${random.uuid}"})
class DigestBenchmark {

    @Autowired DataGenerator generator;
    @Autowired DebateDigest digest;
    @Autowired MongoTemplate mongo;

    @TempDir
    Path work;

    @Test
    void digestForTenThousandParticipants() throws Exception {
        int participants = Integer.getInteger("bench.digest.participants", 10_000);
        DataGenerator.Report data = generator.generate(new DataGenerator.Spec("GD", 100, participants, 10, 42, false), work);
        LocalDate yesterday = LocalDate.now(ZoneId.of("America/Argentina/Salta")).minusDays(1);
        long outboxBefore = mongo.getCollection("outbox").countDocuments();
        long t0 = System.nanoTime();
        int sent = digest.send(yesterday);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long mails = mongo.getCollection("outbox").countDocuments() - outboxBefore;
        long t1 = System.nanoTime();
        int again = digest.send(yesterday);
        long againMs = (System.nanoTime() - t1) / 1_000_000;
        Document sample = mongo.getCollection("outbox").find(new Document("subject",
                new Document("$regex", "^Resumen de los debates"))).first();
        System.out.printf("digest of %s for %d participants in %d courses (%d documents generated): %d people, %d mails in %d ms"
                        + " (%.1f mails/s); run again: %d sent in %d ms; a mail is %d characters%n",
                yesterday, participants, data.courses().size(), data.documents(), sent, mails, ms, mails * 1000.0 / Math.max(1, ms),
                again, againMs, sample == null ? 0 : sample.getString("body").length());
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "digest.json"), """
                {"participants": %d, "courses": %d, "sent": %d, "mails": %d, "ms": %d, "againSent": %d, "againMs": %d}
                """.formatted(participants, data.courses().size(), sent, mails, ms, again, againMs));
    }
}
