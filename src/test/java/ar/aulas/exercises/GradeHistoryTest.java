package ar.aulas.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ar.aulas.courses.DeclaredExercise.Criterion;
import ar.aulas.courses.DeclaredExercise.Level;
import ar.aulas.exercises.web.GradeHistory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class GradeHistoryTest {

    static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    static Submission.Grade grade(String score, Submission.Verdict verdict, List<Integer> levels) {
        return new Submission.Grade(new BigDecimal(score), verdict, "Bien", "<p>Bien</p>", "t", Instant.now(), levels, List.of());
    }

    @Test
    void theHistoryReadsInWordsWithLevelsByNameAndNumbersAsTheLocaleWritesThem() {
        Exercise e = SubmissionRulesTest.exercise(Exercise.Mode.TEAM);
        e.rubric(List.of(new Criterion("Diagnóstico", List.of(new Level("Completo", BigDecimal.valueOf(6), null),
                new Level("Parcial", BigDecimal.ONE, null))), new Criterion("Mapa", List.of(
                new Level("Presente", new BigDecimal("4"), null), new Level("Esbozado", new BigDecimal("2.5"), null)))));
        Submission s = SubmissionRulesTest.submitted(e);
        s.grade(grade("3.5", Submission.Verdict.NEEDS_REVISION, List.of(1, 1)), Instant.now());
        s.grade(grade("10", Submission.Verdict.APPROVED, List.of(0, 0)), Instant.now());

        Locale spanish = Locale.forLanguageTag("es-AR");
        List<GradeHistory.Line> lines = GradeHistory.of(s, e, Map.of("t", "Capacitadora"), bundles(), spanish);
        assertThat(lines).extracting(GradeHistory.Line::field, GradeHistory.Line::from, GradeHistory.Line::to).contains(
                tuple("verdict", "Requiere revisión", "Aprobado"),
                tuple("score", "3,5", "10"),
                tuple("rubric", "Diagnóstico: Parcial (1 punto); Mapa: Esbozado (2,5 puntos)",
                        "Diagnóstico: Completo (6 puntos); Mapa: Presente (4 puntos)"));
        assertThat(lines).allSatisfy(l -> assertThat(l.who()).isEqualTo("Capacitadora"));
        assertThat(lines.toString()).doesNotContain("NEEDS_REVISION", "APPROVED", "[0, 0]", "[1, 1]");

        List<GradeHistory.Line> english = GradeHistory.of(s, e, Map.of(), bundles(), Locale.ENGLISH);
        assertThat(english).extracting(GradeHistory.Line::to).contains("Approved", "Diagnóstico: Completo (6 points); Mapa: Presente (4 points)");
        assertThat(english).extracting(GradeHistory.Line::from).contains("3.5");
    }
}
