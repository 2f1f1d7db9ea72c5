package ar.aulas.courses;

import static org.assertj.core.api.Assertions.assertThat;

import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.CourseFolder;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

@AulasIntegrationTest
class CourseSyncTests {

    @Autowired
    CourseSync sync;
    @Autowired
    CourseRepository courses;
    @Autowired
    CourseModuleRepository modules;
    @Autowired
    ReadingRepository readings;
    @Autowired
    MongoTemplate mongo;

    @TempDir
    Path root;

    private static String newCode() {
        return "TST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private SyncReport syncOne() {
        List<SyncReport> reports = sync.syncAll(root);
        assertThat(reports).hasSize(1);
        return reports.get(0);
    }

    private long storedFiles() {
        return mongo.getCollection("fs.files").countDocuments();
    }

    private CourseFolder twoModules(String code) {
        return CourseFolder.create(root, "curso", code)
                .module(1, "inicio", "Inicio").reading(1, "inicio", "01-a", "Lectura A", "Gestión del suelo", "files/g.pdf")
                .reading(1, "inicio", "02-b", "Lectura B", "Movilidad", "files/g.pdf")
                .bytes("01-inicio/files/g.pdf", CourseFolder.tinyPdf(code))
                .module(2, "segundo", "Segundo").reading(2, "segundo", "c", "Lectura C", "Ambiente");
    }

    @Test
    void aValidCourseIsImportedAndASecondSyncWithNoChangeWritesNothing() {
        String code = newCode();
        twoModules(code);
        long files = storedFiles();

        SyncReport first = syncOne();
        assertThat(first.outcome()).isEqualTo(SyncReport.Outcome.IMPORTED);
        assertThat(first.written()).isEqualTo(1 + 2 + 3);
        assertThat(courses.findById(code)).get().satisfies(c -> {
            assertThat(c.getTrainerEmails()).containsExactly("capacitadora@aulas.demo");
            assertThat(c.getSummaryHtml()).contains("<strong>de prueba</strong>");
        });
        assertThat(readings.findByCourseCode(code)).hasSize(3);
        assertThat(storedFiles()).as("the same attachment in two readings is stored once").isEqualTo(files + 1);

        SyncReport second = syncOne();
        assertThat(second.outcome()).isEqualTo(SyncReport.Outcome.UNCHANGED);
        assertThat(second.written()).isZero();
        assertThat(second.archived()).isZero();
        assertThat(storedFiles()).isEqualTo(files + 1);
    }

    @Test
    void aChangedFileUpdatesOnlyItsItem() {
        String code = newCode();
        var course = twoModules(code);
        syncOne();
        var before = readings.findById(code + "/1/a").orElseThrow();

        course.reading(2, "segundo", "c", "Lectura C revisada", "Ambiente y cambio climático");
        SyncReport report = syncOne();

        assertThat(report.written()).isEqualTo(1);
        assertThat(readings.findById(code + "/2/c").orElseThrow().getTitle()).isEqualTo("Lectura C revisada");
        assertThat(readings.findById(code + "/1/a").orElseThrow().getContentHash()).isEqualTo(before.getContentHash());
    }

    @Test
    void aReadingOrModuleRemovedFromTheFilesIsArchivedNotDeleted() {
        String code = newCode();
        var course = twoModules(code);
        syncOne();

        course.delete("02-segundo/c.md").delete("02-segundo/module.md").delete("02-segundo");
        SyncReport report = syncOne();

        assertThat(report.archived()).isEqualTo(2);
        assertThat(readings.findById(code + "/2/c")).get().extracting(Reading::isArchived).isEqualTo(true);
        assertThat(modules.findById(code + "/2")).get().extracting(CourseModule::isArchived).isEqualTo(true);
        assertThat(modules.findByCourseCodeAndArchivedFalseOrderByNumberAsc(code)).hasSize(1);
    }

    @Test
    void aCourseWithAnyErrorIsNotImportedAndThePreviousVersionStaysLive() {
        String code = newCode();
        var course = twoModules(code);
        syncOne();

        course.reading(1, "inicio", "01-a", "Lectura A cambiada", "Otro texto");
        course.write("02-segundo/module.md", "---\nnumber: 2\ntitle: Segundo\ndate: mañana\nstart: \"09:00\"\n"
                + "end: \"13:00\"\nvenue: Sala\n---\nCuerpo\n");
        SyncReport report = syncOne();

        assertThat(report.rejected()).isTrue();
        assertThat(report.written()).isZero();
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("curso/02-segundo/module.md");
            assertThat(e.line()).isEqualTo(4);
        });
        assertThat(readings.findById(code + "/1/a").orElseThrow().getTitle()).isEqualTo("Lectura A");
        assertThat(sync.lastReports()).anySatisfy(r -> assertThat(r.rejected()).isTrue());
    }

    @Test
    void markdownInReadingsIsRenderedInert() {
        String code = newCode();
        CourseFolder.create(root, "curso", code).module(1, "inicio", "Inicio")
                .reading(1, "inicio", "x", "Lectura", "Hola <script>alert(1)</script> <img src=x onerror=alert(2)>"
                        + " [enlace](javascript:alert(3)) **negrita**");
        syncOne();
        String html = readings.findById(code + "/1/x").orElseThrow().getBodyHtml();
        assertThat(html).doesNotContain("<script", "javascript:", "<img", "onerror=\"")
                .contains("&lt;script&gt;", "<strong>negrita</strong>");
    }

    @Test
    void syncTimesOfTheRealCourseAndOfAGeneratedLargeCourseArePrinted() {
        long start = System.nanoTime();
        List<SyncReport> real = sync.syncAll(Path.of("courses"));
        long realMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(real).allSatisfy(r -> assertThat(r.rejected()).isFalse());

        String code = newCode();
        var big = CourseFolder.create(root, "grande", code);
        for (int m = 1; m <= 5; m++) {
            big.module(m, "modulo-" + m, "Módulo " + m);
            for (int r = 1; r <= 40; r++) {
                big.reading(m, "modulo-" + m, "lectura-" + r, "Lectura " + r, "Texto de la lectura " + r + ". ".repeat(150));
            }
        }
        start = System.nanoTime();
        SyncReport first = syncOne();
        long firstMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        SyncReport again = syncOne();
        long againMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(first.written()).isEqualTo(1 + 5 + 200);
        assertThat(again.written()).isZero();
        System.out.printf("sync timing: real course %d ms (unchanged or first); generated 5x40 course first %d ms,"
                + " unchanged %d ms%n", realMs, firstMs, againMs);
    }
}
