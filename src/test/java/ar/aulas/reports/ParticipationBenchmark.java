package ar.aulas.reports;

import ar.aulas.accounts.AulasUser;
import ar.aulas.attendance.AttendanceStatus;
import ar.aulas.attendance.RollCall;
import ar.aulas.demo.DataGenerator;
import ar.aulas.imports.ImportJob;
import ar.aulas.imports.ImportJobRepository;
import ar.aulas.imports.ParticipantImport;
import ar.aulas.support.AulasIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

/**
 * Participation dashboard and import figures, printed, never asserted as limits: 10,000 participants in
 * 100 institutions, one edition of 5 encounters with 1 exercise each, on the embedded store's durable file
 * backend. {@code ./mvnw -Pbench verify -Dtest=ParticipationBenchmark}.
 */
@AulasIntegrationTest
@TestPropertySource(properties = {"aulas.store.backend=${bench.backend:file}",
        "aulas.store.data-dir=target/bench/store-${random.uuid}"})
class ParticipationBenchmark {

    @Autowired DataGenerator generator;
    @Autowired Participation participation;
    @Autowired ParticipantImport imports;
    @Autowired ImportJobRepository jobs;
    @Autowired UserDetailsService users;
    @Autowired MongoTemplate mongo;
    @Autowired ParticipationLedger ledger;
    @Autowired RollCall rollCall;

    @TempDir
    Path work;

    @Test
    void dashboardAndImport() throws Exception {
        DataGenerator.Report data = generator.generate(new DataGenerator.Spec("GB", 100, 10_000, 1, 42), work);
        String code = data.courses().get(0);
        AulasUser coordinator = (AulasUser) users.loadUserByUsername("coordinacion@aulas.demo");

        // the first read waits for the course's figures, built once from the generated records
        long b0 = System.nanoTime();
        ledger.settle(code, 600_000); // the views wait 3 s at most: here, until the figures are built
        participation.programme(coordinator, code, Participation.Sort.NAME, false);
        long buildMs = (System.nanoTime() - b0) / 1_000_000;
        for (int i = 0; i < 3; i++) {
            participation.programme(coordinator, code, Participation.Sort.NAME, false);
            participation.institution(coordinator, code, data.institutionIds().get(i));
        }
        AulasUser trainer = (AulasUser) users.loadUserByUsername("capacitadora@aulas.demo");
        List<String> someone = mongo.getCollection("enrolments").find(new Document("courseCode", code))
                .limit(40).map(d -> d.getString("accountId") + "@" + d.getString("institutionId")).into(new ArrayList<>());
        // just after a change: a trainer changes one person's mark, and the view right after includes it
        long[] applied = new long[20];
        long[] programmeCold = new long[20];
        for (int i = 0; i < programmeCold.length; i++) {
            change(trainer, code, someone.get(i).split("@")[0], i);
            long t0 = System.nanoTime();
            Participation.ProgrammeView view = participation.programme(coordinator, code, Participation.Sort.NAME, false);
            programmeCold[i] = System.nanoTime() - t0;
            if (view.totals().enrolled() != 10_000) {
                throw new AssertionError("enrolled " + view.totals().enrolled());
            }
            change(trainer, code, someone.get(i).split("@")[0], i + 1);
            long a0 = System.nanoTime();
            ledger.settle(code, 10_000);
            applied[i] = System.nanoTime() - a0;
        }
        long[] programme = new long[200];
        for (int i = 0; i < programme.length; i++) {
            long t0 = System.nanoTime();
            participation.programme(coordinator, code, i % 2 == 0 ? Participation.Sort.NAME : Participation.Sort.OVERALL, true);
            programme[i] = System.nanoTime() - t0;
        }
        long[] institutionCold = new long[20];
        for (int i = 0; i < institutionCold.length; i++) {
            String[] person = someone.get(20 + i).split("@");
            change(trainer, code, person[0], i);
            long t0 = System.nanoTime();
            participation.institution(coordinator, code, person[1]);
            institutionCold[i] = System.nanoTime() - t0;
        }
        long[] institution = new long[200];
        for (int i = 0; i < institution.length; i++) {
            long t0 = System.nanoTime();
            participation.institution(coordinator, code, data.institutionIds().get(i % 10));
            institution[i] = System.nanoTime() - t0;
        }

        StringBuilder csv = new StringBuilder("apellido;nombre;dni;email;institución;cargo/área;curso\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append("Importada;Persona ").append(letters(i)).append(';').append(60_000_000 + i).append(";imp").append(i)
                    .append("@import.gob.ar;GB").append("%03d".formatted(i % 100 + 1)).append(";Técnica;").append(code)
                    .append('\n');
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        ParticipantImport.Preview preview = imports.preview(coordinator, "10000.csv", bytes);
        long previewMs = (System.nanoTime() - t0) / 1_000_000;
        long t1 = System.nanoTime();
        ImportJob job = imports.confirm(coordinator, preview.token());
        while (jobs.findById(job.getId()).orElseThrow().getStatus() == ImportJob.Status.RUNNING) {
            Thread.sleep(50);
        }
        long importMs = (System.nanoTime() - t1) / 1_000_000;
        ImportJob done = jobs.findById(job.getId()).orElseThrow();
        long f0 = System.nanoTime();
        ledger.settle(code, 120_000);
        long followMs = (System.nanoTime() - f0) / 1_000_000;
        long enrolledAfter = participation.programme(coordinator, code, Participation.Sort.NAME, false).totals().enrolled();

        String table = """
                | Participation (%d cores, Java %s, 10,000 participants, 100 institutions) | value |
                |---|---|
                | data generator | %,d documents in %.1f s (%.0f documents/s) |
                | first build of the course's figures (from every record and submission) | %,d ms |
                | one person's mark changed: figures updated (enrolment, records, submissions, certificates by id; people and line written), median / max of %d | %.1f ms / %.1f ms |
                | programme view just after a mark changed (the change applied, then read), median / max of %d | %.1f ms / %.1f ms |
                | programme view, median / p99 / max of %d | %.2f ms / %.2f ms / %.2f ms |
                | institution view just after one of its people's mark changed, median / max of %d | %.1f ms / %.1f ms |
                | institution view (100 people), median / p99 / max of %d | %.2f ms / %.2f ms / %.2f ms |
                | import of 10,000 rows: preview (read, check, match) | %.1f s |
                | import of 10,000 rows: confirm to done (%d created, %d failed; accounts, invitations, enrolments) | %.1f s |
                | figures following the import (a rebuild of the course, then %,d enrolled), from the import's end | %,d ms |
                """.formatted(Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                data.documents(), data.millis() / 1000.0, data.documentsPerSecond(), buildMs, applied.length,
                ms(p(applied, 50)), ms(p(applied, 100)), programmeCold.length,
                ms(p(programmeCold, 50)), ms(p(programmeCold, 100)), programme.length, ms(p(programme, 50)),
                ms(p(programme, 99)), ms(p(programme, 100)), institutionCold.length, ms(p(institutionCold, 50)),
                ms(p(institutionCold, 100)), institution.length, ms(p(institution, 50)), ms(p(institution, 99)),
                ms(p(institution, 100)), previewMs / 1000.0,
                done.getCreated(), done.getFailed(), importMs / 1000.0, enrolledAfter, followMs);
        System.out.println(table);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "participation.md"), table);
    }

    /** A trainer changes one person's mark of the first encounter (present, then absent, then present...). */
    void change(AulasUser trainer, String code, String accountId, int i) {
        rollCall.save(trainer, code, 1, Map.of(accountId, i % 2 == 0 ? AttendanceStatus.ABSENT
                : AttendanceStatus.PRESENT), Map.of());
    }

    static long p(long[] values, int percentile) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** 0 → "a", 27 → "bb": names have letters only, as the import checks. */
    static String letters(int n) {
        StringBuilder sb = new StringBuilder();
        do {
            sb.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return sb.toString();
    }
}
