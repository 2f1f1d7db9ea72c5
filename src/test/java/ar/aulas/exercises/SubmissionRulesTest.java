package ar.aulas.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.aulas.courses.DeclaredExercise;
import ar.aulas.shared.export.SheetExport;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmissionRulesTest {

    static final LocalDateTime OPENS = LocalDateTime.of(2026, 3, 10, 13, 0);
    static final LocalDateTime DUE = LocalDateTime.of(2026, 3, 24, 23, 59);

    static Exercise exercise(Exercise.Mode mode) {
        Exercise e = new Exercise("C", 1, "e");
        e.define("Ej", "x", "x", OPENS, DUE, null, Exercise.Scale.POINTS, BigDecimal.TEN, BigDecimal.valueOf(6), mode,
                true, true);
        return e;
    }

    static Submission submitted(Exercise exercise) {
        Submission s = new Submission(exercise, "p:a", "i1", "a");
        s.saveWork("a", "texto", List.of(), Instant.now(), false);
        s.submit("a", false, "t1", Instant.now());
        return s;
    }

    @Test
    void anExerciseNotYetOpenRefusesWork() {
        assertThat(SubmissionWork.blockedReason(exercise(Exercise.Mode.TEAM), "i:x", null, OPENS.minusMinutes(1)))
                .isEqualTo("exercise.notOpen");
        assertThat(SubmissionWork.blockedReason(exercise(Exercise.Mode.TEAM), "i:x", null, OPENS)).isNull();
    }

    @Test
    void aSubmissionCanBeEditedUntilTheDueDateButNotAfter() {
        Exercise e = exercise(Exercise.Mode.TEAM);
        Submission s = submitted(e);
        assertThat(SubmissionWork.blockedReason(e, "p:a", s, DUE)).isNull();
        assertThat(SubmissionWork.blockedReason(e, "p:a", s, DUE.plusMinutes(1))).isEqualTo("exercise.submittedAndDue");
    }

    @Test
    void aFirstSubmissionAfterTheDueDateIsAcceptedUnlessPastTheCutoff() {
        Exercise e = exercise(Exercise.Mode.TEAM);
        assertThat(SubmissionWork.blockedReason(e, "i:x", null, DUE.plusDays(3))).isNull();
        e.define("Ej", "x", "x", OPENS, DUE, DUE.plusDays(2), Exercise.Scale.POINTS, BigDecimal.TEN, BigDecimal.ONE,
                Exercise.Mode.TEAM, true, true);
        assertThat(SubmissionWork.blockedReason(e, "i:x", null, DUE.plusDays(3))).isEqualTo("exercise.closed");
    }

    @Test
    void anExtensionMovesTheDueDateAndTheCutoffForThatOwnerOnly() {
        Exercise e = exercise(Exercise.Mode.INDIVIDUAL);
        e.define("Ej", "x", "x", OPENS, DUE, DUE.plusDays(1), Exercise.Scale.POINTS, BigDecimal.TEN, BigDecimal.ONE,
                Exercise.Mode.INDIVIDUAL, true, true);
        e.extend("p:a", DUE.plusDays(5));
        assertThat(e.dueFor("p:a")).isEqualTo(DUE.plusDays(5));
        assertThat(e.dueFor("p:b")).isEqualTo(DUE);
        assertThat(SubmissionWork.blockedReason(e, "p:a", null, DUE.plusDays(3))).isNull();
        assertThat(SubmissionWork.blockedReason(e, "p:b", null, DUE.plusDays(3))).isEqualTo("exercise.closed");
        Submission s = submitted(e);
        assertThat(SubmissionWork.blockedReason(e, "p:a", s, DUE.plusDays(4))).isNull();
    }

    @Test
    void askingForRevisionOpensANewAttemptAndKeepsTheEarlierOneReadable() {
        Exercise e = exercise(Exercise.Mode.INDIVIDUAL);
        Submission s = submitted(e);
        s.grade(new Submission.Grade(BigDecimal.valueOf(4), Submission.Verdict.NEEDS_REVISION, "Falta el mapa", "",
                "t", Instant.now()), Instant.now());
        assertThat(s.getAttempts()).hasSize(2);
        assertThat(s.getAttempts().get(0).getGrade().feedbackMarkdown()).isEqualTo("Falta el mapa");
        assertThat(s.current().isSubmitted()).isFalse();
        assertThat(s.current().getText()).isEqualTo("texto");
        assertThat(SubmissionWork.blockedReason(e, "p:a", s, OPENS.plusDays(1))).isNull();
        assertThat(ParticipantStatus.of(s, true)).isEqualTo(ParticipantStatus.NEEDS_REVISION);
        assertThat(ParticipantStatus.of(s, false)).isEqualTo(ParticipantStatus.SUBMITTED);
    }

    @Test
    void everyChangedGradeFieldIsKeptInTheHistory() {
        Submission s = submitted(exercise(Exercise.Mode.TEAM));
        s.grade(new Submission.Grade(BigDecimal.valueOf(7), Submission.Verdict.APPROVED, "Bien", "", "t1",
                Instant.now()), Instant.now());
        s.grade(new Submission.Grade(new BigDecimal("8.0"), Submission.Verdict.APPROVED, "Bien", "", "t2",
                Instant.now()), Instant.now());
        assertThat(s.getHistory()).extracting(Submission.Change::field)
                .containsExactly("score", "verdict", "feedback", "score");
        assertThat(s.getHistory().get(3)).satisfies(c -> {
            assertThat(c.from()).isEqualTo("7");
            assertThat(c.to()).isEqualTo("8");
            assertThat(c.accountId()).isEqualTo("t2");
        });
        assertThat(s.getStatus()).isEqualTo(Submission.Status.GRADED);
    }

    @Test
    void aScoreAboveTheMaximumNegativeOrNotANumberIsRefused() {
        Exercise e = exercise(Exercise.Mode.TEAM);
        assertThat(Grading.parseScore(e, "7,5")).isEqualByComparingTo("7.5");
        assertThatThrownBy(() -> Grading.parseScore(e, "11")).hasMessage("grade.score.range");
        assertThatThrownBy(() -> Grading.parseScore(e, "-1")).hasMessage("grade.score.range");
        assertThatThrownBy(() -> Grading.parseScore(e, "9.99999999999999999999999")).hasMessage("grade.score.precision");
        assertThatThrownBy(() -> Grading.parseScore(e, "1e1")).hasMessage("grade.score.number");
        assertThat(Grading.parseScore(e, "9,99")).isEqualByComparingTo("9.99");
        assertThatThrownBy(() -> Grading.parseScore(e, "diez")).hasMessage("grade.score.number");
        assertThatThrownBy(() -> Grading.parseScore(e, " ")).hasMessage("grade.score.required");
    }

    @Test
    void aRubricScoreIsTheSumOfTheChosenLevelsAndEveryCriterionNeedsAValidLevel() {
        Exercise e = exercise(Exercise.Mode.TEAM);
        e.rubric(List.of(
                new DeclaredExercise.Criterion("Diagnóstico", List.of(
                        new DeclaredExercise.Level("Completo", BigDecimal.valueOf(6), null),
                        new DeclaredExercise.Level("Incompleto", BigDecimal.valueOf(2), null))),
                new DeclaredExercise.Criterion("Mapa", List.of(
                        new DeclaredExercise.Level("Presente", new BigDecimal("4"), null),
                        new DeclaredExercise.Level("Ausente", BigDecimal.ZERO, null)))));
        assertThat(Grading.rubricScore(e, Grading.rubricLevels(e, List.of(0, 0)))).isEqualByComparingTo("10");
        assertThat(Grading.rubricScore(e, Grading.rubricLevels(e, List.of(1, 1)))).isEqualByComparingTo("2");
        assertThatThrownBy(() -> Grading.rubricLevels(e, List.of(0))).hasMessage("grade.rubric.missing");
        assertThatThrownBy(() -> Grading.rubricLevels(e, List.of(0, 2))).hasMessage("grade.rubric.invalidLevel");
        assertThatThrownBy(() -> Grading.rubricLevels(e, Arrays.asList(-1, 0)))
                .hasMessage("grade.rubric.invalidLevel");
    }

    @Test
    void aTypedRubricIsReadBackAsItIsShown() {
        var rubric = ExerciseSettings.parseRubric("Diagnóstico | Completo=6: con datos | Incompleto=2,5\n\nMapa | Sí=4 | No=0");
        assertThat(rubric).hasSize(2);
        assertThat(rubric.get(0).levels().get(1).points()).isEqualByComparingTo("2.5");
        assertThat(rubric.get(0).levels().get(0).description()).isEqualTo("con datos");
        assertThat(ExerciseSettings.parseRubric(ExerciseSettings.format(rubric))).isEqualTo(rubric);
        assertThatThrownBy(() -> ExerciseSettings.parseRubric("Mapa | Sí=cuatro")).hasMessage("exercise.rubric.points");
    }

    @Test
    void spreadsheetFormulasAreNeutralisedInExports() {
        assertThat(SheetExport.neutralise("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(SheetExport.neutralise("+54 387")).isEqualTo("'+54 387");
        assertThat(SheetExport.neutralise("-3")).isEqualTo("'-3");
        assertThat(SheetExport.neutralise("@SUM")).isEqualTo("'@SUM");
        assertThat(SheetExport.neutralise("Municipalidad de Salta")).isEqualTo("Municipalidad de Salta");
    }
}
