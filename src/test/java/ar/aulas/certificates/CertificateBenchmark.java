package ar.aulas.certificates;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.AccountRegistry;
import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.Role;
import ar.aulas.attendance.AttendanceStatus;
import ar.aulas.attendance.RollCall;
import ar.aulas.courses.CourseSync;
import ar.aulas.courses.Enrolments;
import ar.aulas.exercises.Grading;
import ar.aulas.exercises.SubmissionWork;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.support.AccountBuilder;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.Fixtures;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

/**
 * Certificate figures, printed (never asserted as time limits): render + sign of one certificate on one
 * thread, and a bulk issue of 1,000 on the embedded store's durable file backend. Run with
 * {@code ./mvnw -Pbench verify -Dtest=CertificateBenchmark}; results also go to target/bench/certificates.json.
 */
@AulasIntegrationTest
@TestPropertySource(properties = {"aulas.store.backend=${bench.backend:file}",
        "aulas.store.data-dir=target/bench/store-${random.uuid}"})
class CertificateBenchmark {

    static final int BULK = Integer.getInteger("bench.certificates", 1000);

    @Autowired Fixtures fixtures;
    @Autowired CourseSync sync;
    @Autowired Enrolments enrolments;
    @Autowired RollCall rollCall;
    @Autowired SubmissionWork work;
    @Autowired Grading grading;
    @Autowired UserDetailsService users;
    @Autowired AccountRegistry accounts;
    @Autowired InstitutionDirectory institutions;
    @Autowired CertificateIssuing issuing;
    @Autowired BulkIssuing bulk;
    @Autowired CertificateRepository certificates;
    @Autowired IssueJobRepository jobs;
    @Autowired CertificateTemplates templates;
    @Autowired CertificatePdf renderer;
    @Autowired CertificateSigner signer;

    @TempDir
    Path root;

    @Test
    void renderSignAndBulkIssue() throws Exception {
        CertificateTemplate template = templates.find("aprobacion").orElseThrow();
        Map<String, String> values = CertificatePdfTest.values();
        for (int i = 0; i < 300; i++) {
            signer.sign(renderer.render(template, values, CertificatePdfTest.URL, "t", "a"), "r", "l");
        }
        int n = 500;
        long[] render = new long[n];
        long[] total = new long[n];
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            byte[] pdf = renderer.render(template, values, CertificatePdfTest.URL, "t", "a");
            long t1 = System.nanoTime();
            byte[] signed = signer.sign(pdf, "r", "l");
            long t2 = System.nanoTime();
            render[i] = t1 - t0;
            total[i] = t2 - t0;
            bytes += signed.length;
        }

        var s = new CertificateScenario(root, 1, fixtures, sync, enrolments, rollCall, work, grading, users);
        String institutionId = institutions.findByCode("MSAL").orElseThrow().getId();
        Map<String, AttendanceStatus> marks = new HashMap<>();
        long tSetup = System.nanoTime();
        for (int i = 0; i < BULK; i++) {
            // no password: a bcrypt hash per person would dominate the set-up (~90 ms each)
            Account a = accounts.create(new AccountRegistry.AccountData("Participante Núñez " + AccountBuilder.letters(i),
                    "bench" + i + "-" + s.code.toLowerCase() + "@prueba.gob.ar", String.valueOf(20_000_000 + i),
                    institutionId, "Área", EnumSet.of(Role.PARTICIPANT), null));
            enrolments.enrol(s.code, a.getId(), null);
            marks.put(a.getId(), AttendanceStatus.PRESENT);
        }
        s.roll(1, marks);
        long setupMs = (System.nanoTime() - tSetup) / 1_000_000;

        AulasUser coordinator = s.user("coordinacion@aulas.demo");
        // one certificate at a time, as a coordinator does from a person's row (issue #16: it computed the whole course)
        int singles = 20;
        long[] single = new long[singles];
        List<String> people = new ArrayList<>(marks.keySet());
        for (int i = 0; i < singles; i++) {
            long ts = System.nanoTime();
            issuing.issue(coordinator, s.code, people.get(i), CertificateType.ATTENDANCE, null, false);
            single[i] = System.nanoTime() - ts;
        }
        System.out.printf("issue one certificate in a course of %d: median %.1f ms, p90 %.1f ms (%d issued one by one)%n",
                BULK, ms(percentile(single, 50)), ms(percentile(single, 90)), singles);
        IssueJob job = jobs.insert(new IssueJob(s.code, CertificateType.ATTENDANCE, coordinator.id(), false, BULK, Instant.now()));
        System.gc();
        var memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peakHeap = new AtomicLong(heapBefore);
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long t0 = System.nanoTime();
        bulk.runBulk(job.getId(), coordinator, Integer.MAX_VALUE);
        long bulkMs = (System.nanoTime() - t0) / 1_000_000;
        sampling.set(false);
        sampler.join();
        IssueJob done = jobs.findById(job.getId()).orElseThrow();
        long issued = certificates.countByCourseCodeAndType(s.code, CertificateType.ATTENDANCE);

        List<Certificate> all = certificates.findByCourseCodeOrderByTypeAscSequenceAsc(s.code);
        long tSlot = System.nanoTime();
        for (Certificate c : all) {
            certificates.findBySlot(c.getSlot());
        }
        double slotMs = (System.nanoTime() - tSlot) / 1e6 / all.size();
        long tId = System.nanoTime();
        for (Certificate c : all) {
            certificates.findById(c.getId());
        }
        double idMs = (System.nanoTime() - tId) / 1e6 / all.size();
        long tSave = System.nanoTime();
        for (Certificate c : all.subList(0, 200)) {
            certificates.save(certificates.findById(c.getId()).orElseThrow());
        }
        double saveMs = (System.nanoTime() - tSave) / 1e6 / 200 - idMs;
        System.out.printf("store: findBySlot %.2f ms, findById %.2f ms, save %.2f ms (over %d certificates)%n", slotMs, idMs,
                saveMs, all.size());
        String table = """
                | Certificates (%d cores, Java %s) | value |
                |---|---|
                | render, one thread, median / p99 | %.2f ms / %.2f ms |
                | render + sign, one thread, median / p99 / mean | %.2f ms / %.2f ms / %.2f ms |
                | PDF size (signed, PDF/A-2B) | %.1f KB |
                | issue one certificate in a course of %d, median / p90 of %d | %.1f ms / %.1f ms |
                | bulk issue of %d (render, sign, GridFS, numbering, audit) | %.2f s, %.0f certificates/s, %d failed |
                | heap used during the bulk: before / peak | %d MB / %d MB |
                | JVM peak RSS (VmHWM, whole test JVM) | %s |
                | set-up of %d accounts, enrolments and roll call | %.1f s |
                """.formatted(Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                ms(percentile(render, 50)), ms(percentile(render, 99)), ms(percentile(total, 50)), ms(percentile(total, 99)),
                ms(Arrays.stream(total).sum() / n), bytes / 1024.0 / n, BULK, singles, ms(percentile(single, 50)),
                ms(percentile(single, 90)), BULK - singles, bulkMs / 1000.0,
                (issued - singles) * 1000.0 / bulkMs, done.getFailed(), heapBefore >> 20, peakHeap.get() >> 20, vmHwm(), BULK,
                setupMs / 1000.0);
        System.out.println(table);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "certificates.json"), """
                {"cores": %d, "java": "%s", "renderSignMedianMs": %.3f, "renderSignP99Ms": %.3f, "pdfKb": %.1f,
                 "bulk": %d, "bulkSeconds": %.3f, "bulkPerSecond": %.1f, "bulkFailed": %d, "issued": %d,
                 "heapBeforeMb": %d, "heapPeakMb": %d}
                """.formatted(Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                ms(percentile(total, 50)), ms(percentile(total, 99)), bytes / 1024.0 / n, BULK, bulkMs / 1000.0,
                issued * 1000.0 / bulkMs, done.getFailed(), issued, heapBefore >> 20, peakHeap.get() >> 20));
        if (issued != BULK) {
            throw new AssertionError("issued " + issued + " of " + BULK);
        }
    }

    static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    static String vmHwm() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                    .map(l -> l.replaceAll("\\s+", " ").substring(7)).findFirst().orElse("n/a");
        } catch (Exception e) {
            return "n/a";
        }
    }
}
