package ar.aulas.courses;

import static org.assertj.core.api.Assertions.assertThat;

import ar.aulas.courses.content.ContentError;
import ar.aulas.courses.content.CourseFolderReader;
import ar.aulas.support.CourseFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourseFolderReaderTest {

    @TempDir
    Path root;

    private CourseFolderReader.Result read(CourseFolder course) {
        return new CourseFolderReader(root).read(course.dir());
    }

    private static ContentError only(CourseFolderReader.Result result) {
        assertThat(result.valid()).isFalse();
        assertThat(result.content()).isNull();
        assertThat(result.errors()).hasSize(1);
        return result.errors().get(0);
    }

    @Test
    void aValidCourseIsReadWithItsModulesReadingsExercisesAndAttachments() {
        var course = CourseFolder.create(root, "curso", "TST-1").module(1, "inicio", "Inicio")
                .reading(1, "inicio", "01-primera", "Primera lectura", "Texto", "files/guia.pdf")
                .bytes("01-inicio/files/guia.pdf", CourseFolder.tinyPdf("guia"))
                .module(2, "segundo", "Segundo");
        var result = read(course);
        assertThat(result.errors()).isEmpty();
        assertThat(result.content().code()).isEqualTo("TST-1");
        assertThat(result.content().modules()).extracting(m -> m.number()).containsExactly(1, 2);
        var reading = result.content().modules().get(0).readings().get(0);
        assertThat(reading.slug()).isEqualTo("primera");
        assertThat(reading.attachments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("guia.pdf");
            assertThat(a.sha256()).hasSize(64);
        });
    }

    @Test
    void theRealCourseInTheRepositoryIsValid() {
        var result = new CourseFolderReader(Path.of("courses")).read(Path.of("courses/aulas-gestion-ciudades-2026"));
        assertThat(result.errors()).isEmpty();
        assertThat(result.content().modules()).hasSize(5);
        assertThat(result.content().modules()).allSatisfy(m -> {
            assertThat(m.exercises()).hasSize(1);
            assertThat(m.objectives()).isNotEmpty();
            assertThat(m.readings().stream().filter(r -> r.kind().equals("required"))
                    .filter(r -> r.body().split("\\s+").length >= 300)).hasSizeGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void aMissingTitleNamesTheFileAndLine() {
        var course = CourseFolder.create(root, "curso", "TST-2")
                .write("01-inicio/module.md", "---\nnumber: 1\ndate: 10/03/2026\nstart: \"09:00\"\nend: \"13:00\"\n"
                        + "venue: Sala\n---\nCuerpo\n");
        ContentError error = only(read(course));
        assertThat(error.file()).isEqualTo("curso/01-inicio/module.md");
        assertThat(error.key()).isEqualTo("content.error.missing");
        assertThat(error.args()).containsExactly("title");
    }

    @Test
    void aDateInAnotherFormatIsRefusedWithItsLine() {
        var course = CourseFolder.create(root, "curso", "TST-3")
                .write("01-inicio/module.md", "---\nnumber: 1\ntitle: Inicio\ndate: 10-03-2026\nstart: \"09:00\"\n"
                        + "end: \"13:00\"\nvenue: Sala\n---\nCuerpo\n");
        ContentError error = only(read(course));
        assertThat(error.key()).isEqualTo("content.error.date");
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.args()).containsExactly("date", "10-03-2026");
    }

    @Test
    void aRepeatedModuleNumberIsRefused() {
        var course = CourseFolder.create(root, "curso", "TST-4").module(1, "uno", "Uno");
        course.write("02-dos/module.md", "---\nnumber: 1\ntitle: Dos\ndate: 10/03/2026\nstart: \"09:00\"\n"
                + "end: \"13:00\"\nvenue: Sala\n---\nCuerpo\n");
        ContentError error = only(read(course));
        assertThat(error.key()).isEqualTo("content.error.moduleRepeated");
        assertThat(error.file()).isEqualTo("curso/02-dos/module.md");
        assertThat(error.args()).containsExactly(1, "curso/01-uno/module.md");
    }

    @Test
    void aMissingAttachmentIsRefused() {
        var course = CourseFolder.create(root, "curso", "TST-5").module(1, "inicio", "Inicio")
                .reading(1, "inicio", "lectura", "Lectura", "Texto", "files/no-existe.pdf");
        ContentError error = only(read(course));
        assertThat(error.key()).isEqualTo("content.error.attachmentMissing");
        assertThat(error.file()).isEqualTo("curso/01-inicio/lectura.md");
        assertThat(error.line()).isEqualTo(5);
    }

    @Test
    void anAttachmentOutsideTheCourseFolderIsRefused() {
        var course = CourseFolder.create(root, "curso", "TST-6").module(1, "inicio", "Inicio")
                .reading(1, "inicio", "lectura", "Lectura", "Texto", "../../../etc/passwd");
        assertThat(only(read(course)).key()).isEqualTo("content.error.attachmentOutside");
    }

    @Test
    void anUnknownFrontMatterKeyIsRefusedWithTheValidOnes() {
        var course = CourseFolder.create(root, "curso", "TST-7").module(1, "inicio", "Inicio")
                .write("01-inicio/lectura.md", "---\ntitle: Lectura\nautor: Alguien\n---\nTexto\n");
        ContentError error = only(read(course));
        assertThat(error.key()).isEqualTo("content.error.unknownKey");
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.args()[0]).isEqualTo("autor");
        assertThat((String) error.args()[1]).contains("attachments", "kind", "minutes", "title");
    }

    @Test
    void aYamlSyntaxErrorIsReportedWithItsLine() {
        var course = CourseFolder.create(root, "curso", "TST-8").module(1, "inicio", "Inicio")
                .write("01-inicio/lectura.md", "---\ntitle: Lectura\nkind: [required\n---\nTexto\n");
        ContentError error = only(read(course));
        assertThat(error.key()).isEqualTo("content.error.yaml");
        assertThat(error.file()).isEqualTo("curso/01-inicio/lectura.md");
    }

    @Test
    void aRubricThatDoesNotAddUpToTheMaximumScoreIsRefused() {
        var course = CourseFolder.create(root, "curso", "TST-10").moduleWithRubricExercise(1, "inicio", "ej", "team",
                "10/03/2026 13:00", "24/03/2026 23:59");
        assertThat(read(course).errors()).isEmpty();
        course.write("01-inicio/module.md",
                readFile(course.dir().resolve("01-inicio/module.md")).replace("points: 6", "points: 7"));
        ContentError error = only(read(course));
        assertThat(error.key()).isEqualTo("content.error.rubricTotal");
        assertThat(error.args()).containsExactly("11", "10");
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void attendanceWeightsMustBeBetweenZeroAndOneOrExcluded() {
        var course = CourseFolder.create(root, "curso", "TST-11").module(1, "inicio", "Inicio");
        course.write("course.yml", readFile(course.dir().resolve("course.yml"))
                + "attendance:\n  weights:\n    LATE: 0.5\n    EXCUSED: excluded\n");
        assertThat(read(course).errors()).isEmpty();
        assertThat(read(course).content().attendance()).containsKey("weights");
        course.write("course.yml", readFile(course.dir().resolve("course.yml")).replace("LATE: 0.5", "LATE: 2"));
        ContentError error = only(read(course));
        assertThat(error.key()).isEqualTo("content.error.weight");
        assertThat(error.args()).containsExactly("LATE", "2");
    }

    @Test
    void certificateRulesAreCheckedWhenTheCourseIsRead() {
        var course = CourseFolder.create(root, "curso", "TST-12").module(1, "inicio", "Inicio");
        String base = readFile(course.dir().resolve("course.yml"));
        course.write("course.yml", base + "certificates:\n  attendance:\n    title: Asistencia\n    minAttendancePercent: 75\n"
                + "  approval:\n    requireAllExercises: true\n    minAverage: 7\n    template: aprobacion\n");
        assertThat(read(course).errors()).isEmpty();
        course.write("course.yml", base + "certificates:\n  attendance:\n    minAttendancePercent: 180\n"
                + "  approval:\n    requireAllExercises: si\n    minAverage: diez\n    template: Aprobación.yml\n    hours: 3\n"
                + "  honor: {}\n");
        List<String> errors = read(course).errors().stream().map(e -> e.key() + " " + Arrays.toString(e.args()))
                .toList();
        assertThat(errors).containsExactlyInAnyOrder(
                "content.error.range [certificates.attendance.minAttendancePercent, 180, 0, 100]",
                "content.error.choice [certificates.approval.requireAllExercises, si, false, true]",
                "content.error.range [certificates.approval.minAverage, diez, 0, 10]",
                "content.error.templateName [certificates.approval.template, Aprobación.yml]",
                "content.error.unknownKey [certificates.approval.hours, minAttendancePercent, minAverage, requireAllExercises, "
                        + "template, title]",
                "content.error.choice [certificates, honor, approval, attendance]");
    }

    @Test
    void everyErrorOfACourseIsListedAtOnce() {
        var course = CourseFolder.create(root, "curso", "TST-9")
                .write("01-inicio/module.md", "---\nnumber: uno\ntitle: Inicio\ndate: 31/02/2026\nstart: \"9h\"\n"
                        + "end: \"13:00\"\nvenue: Sala\ncolor: rojo\n---\nCuerpo\n")
                .write("mal-nombre/module.md", "---\n---\n");
        List<String> keys = read(course).errors().stream().map(ContentError::key).toList();
        assertThat(keys).contains("content.error.number", "content.error.date", "content.error.time",
                "content.error.unknownKey", "content.error.moduleFolder");
    }
}
