package ar.aulas.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fixture DSL for course content on disk: {@code CourseFolder.in(root, "x").course("CODE").module(1).reading(...)}. */
public final class CourseFolder {

    private final Path dir;
    private final String code;

    private CourseFolder(Path dir, String code) {
        this.dir = dir;
        this.code = code;
    }

    /** A valid course with a trainer and no modules yet. */
    public static CourseFolder create(Path root, String folder, String code) {
        CourseFolder course = new CourseFolder(root.resolve(folder), code);
        course.write("course.yml", """
                code: %s
                title: Curso de prueba %s
                edition: "2026"
                startDate: 01/03/2026
                endDate: 2026-06-30
                totalHours: 20
                summary: Un curso **de prueba**.
                trainers:
                  - capacitadora@aulas.demo
                """.formatted(code, code));
        return course;
    }

    public String code() {
        return code;
    }

    public Path dir() {
        return dir;
    }

    /** A valid, released module NN-slug with the given number. */
    public CourseFolder module(int number, String slug, String title) {
        return write("%02d-%s/module.md".formatted(number, slug), """
                ---
                number: %d
                title: %s
                date: 10/03/2026
                start: "09:00"
                end: "13:00"
                venue: Salón de prueba
                release: 01/03/2026
                objectives:
                  - Aprender algo sobre gestión
                ---
                Cuerpo del módulo %d sobre la gestión del territorio.
                """.formatted(number, title, number, number));
    }

    /** A released module whose encounter is on {@code date} (dd/MM/yyyy) from {@code start} to {@code end} (HH:mm). */
    public CourseFolder moduleOn(int number, String slug, String date, String start, String end) {
        return write("%02d-%s/module.md".formatted(number, slug), """
                ---
                number: %d
                title: Encuentro de hoy
                date: %s
                start: "%s"
                end: "%s"
                venue: Salón de prueba
                release: 01/01/2020
                ---
                Encuentro en curso.
                """.formatted(number, date, start, end));
    }

    /** Like {@link #moduleWithExercise} with a two-criterion rubric worth 6 + 4 points. */
    public CourseFolder moduleWithRubricExercise(int number, String slug, String exerciseSlug, String mode, String opens,
            String due) {
        moduleWithExercise(number, slug, exerciseSlug, mode, opens, due);
        String file = "%02d-%s/module.md".formatted(number, slug);
        try {
            Path path = dir.resolve(file);
            String text = Files.readString(path).replace("    submissionTypes: [text, file]\n", """
                        submissionTypes: [text, file]
                        rubric:
                          - criterion: Diagnóstico
                            levels:
                              - name: Completo
                                points: 6
                              - name: Incompleto
                                points: 2
                          - criterion: Mapa de actores
                            levels:
                              - name: Presente
                                points: 4
                              - name: Ausente
                                points: 0
                    """);
            Files.writeString(path, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A released module with one exercise open from {@code opens} to {@code due} (dd/MM/yyyy HH:mm). */
    public CourseFolder moduleWithExercise(int number, String slug, String exerciseSlug, String mode, String opens,
            String due) {
        return write("%02d-%s/module.md".formatted(number, slug), """
                ---
                number: %d
                title: Módulo %d
                date: 10/03/2026
                start: "09:00"
                end: "13:00"
                venue: Salón de prueba
                release: 01/01/2020
                exercises:
                  - slug: %s
                    title: Ejercicio %s
                    instructions: Describan **su** institución.
                    opens: %s
                    due: %s
                    maxScore: 10
                    passMark: 6
                    mode: %s
                    submissionTypes: [text, file]
                ---
                Módulo con ejercicio.
                """.formatted(number, number, exerciseSlug, exerciseSlug, opens, due, mode));
    }

    public CourseFolder reading(int number, String moduleSlug, String slug, String title, String body,
            String... attachments) {
        StringBuilder front = new StringBuilder("---\ntitle: " + title + "\nkind: required\nminutes: 10\n");
        if (attachments.length > 0) {
            front.append("attachments:\n");
            for (String a : attachments) {
                front.append("  - ").append(a).append('\n');
            }
        }
        front.append("---\n").append(body).append('\n');
        return write("%02d-%s/%s.md".formatted(number, moduleSlug, slug), front.toString());
    }

    public CourseFolder write(String relative, String content) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CourseFolder bytes(String relative, byte[] content) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CourseFolder delete(String relative) {
        try {
            Files.delete(dir.resolve(relative));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small real PDF of one page (with its cross-reference table), the same bytes for the same text. */
    public static byte[] tinyPdf(String text) {
        String[] objects = {
            "<</Type/Catalog/Pages 2 0 R>>",
            "<</Type/Pages/Kids[3 0 R]/Count 1>>",
            "<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>"};
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n% " + text.replaceAll("[\\r\\n]", " ") + "\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.toString().getBytes(StandardCharsets.ISO_8859_1).length;
            pdf.append(i + 1).append(" 0 obj").append(objects[i]).append("endobj\n");
        }
        int xref = pdf.toString().getBytes(StandardCharsets.ISO_8859_1).length;
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer<</Size ").append(objects.length + 1).append("/Root 1 0 R>>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
