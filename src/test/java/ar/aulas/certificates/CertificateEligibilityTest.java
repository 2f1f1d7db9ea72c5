package ar.aulas.certificates;

import static ar.aulas.attendance.AttendanceStatus.ABSENT;
import static ar.aulas.attendance.AttendanceStatus.EXCUSED;
import static ar.aulas.attendance.AttendanceStatus.LATE;
import static ar.aulas.attendance.AttendanceStatus.PRESENT;
import static org.assertj.core.api.Assertions.assertThat;

import ar.aulas.attendance.AttendanceStatus;
import ar.aulas.certificates.Eligibility.State;
import ar.aulas.exercises.Submission.Status;
import ar.aulas.exercises.Submission.Verdict;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateEligibilityTest {

    static final CertificateRules ATTENDANCE = new CertificateRules(CertificateType.ATTENDANCE, null, BigDecimal.valueOf(80),
            false, null, "asistencia");
    static final CertificateRules APPROVAL = new CertificateRules(CertificateType.APPROVAL, null, BigDecimal.valueOf(80),
            true, null, "aprobacion");

    /** Five encounters; null = not taken yet. Rates as AttendanceRate computes them (present/late 1, excused out). */
    static Standing attendance(AttendanceStatus... statuses) {
        List<Standing.SessionMark> marks = new ArrayList<>();
        int counted = 0;
        int earned = 0;
        int pending = 0;
        for (int i = 0; i < statuses.length; i++) {
            AttendanceStatus s = statuses[i];
            marks.add(new Standing.SessionMark(i + 1, 1, 1, s != null, s, false));
            if (s == null) {
                pending++;
            } else if (s != EXCUSED) {
                counted++;
                earned += s == PRESENT || s == LATE ? 1 : 0;
            }
        }
        BigDecimal percent = counted == 0 ? null : BigDecimal.valueOf(earned * 1000L / counted, 1);
        BigDecimal best = counted + pending == 0 ? null : BigDecimal.valueOf((earned + pending) * 1000L / (counted + pending), 1);
        return new Standing(marks, percent, best, List.of());
    }

    static Standing withExercises(Standing s, Standing.ExerciseMark... exercises) {
        return new Standing(s.sessions(), s.attendancePercent(), s.bestPossible(), List.of(exercises));
    }

    static Standing.ExerciseMark exercise(int module, Status status, Verdict verdict, String outOfTen) {
        return new Standing.ExerciseMark(module, "Ejercicio " + module, status, verdict,
                outOfTen == null ? null : new BigDecimal(outOfTen));
    }

    static List<String> keys(Eligibility e) {
        return e.reasons().stream().map(Eligibility.Reason::key).toList();
    }

    @Test
    void attendingEveryEncounterMakesOneEligibleForTheAttendanceCertificate() {
        Eligibility e = CertificateEligibility.of(attendance(PRESENT, PRESENT, LATE, PRESENT, PRESENT), ATTENDANCE);
        assertThat(e.state()).isEqualTo(State.ELIGIBLE);
        assertThat(e.reasons()).isEmpty();
    }

    @Test
    void attendanceTakenAheadOfAnEncountersDayLeavesTheCertificateInProgress() {
        Standing early = attendance(PRESENT, PRESENT, PRESENT, PRESENT, PRESENT);
        List<Standing.SessionMark> marks = new ArrayList<>(early.sessions());
        // encounters 4 and 5 marked before their day came (as data from before the rule may hold)
        for (int i = 3; i < 5; i++) {
            Standing.SessionMark m = marks.get(i);
            marks.set(i, new Standing.SessionMark(m.module(), m.session(), m.sessionsInModule(), true, m.status(), false, false));
        }
        Eligibility e = CertificateEligibility.of(new Standing(marks, early.attendancePercent(), early.bestPossible(),
                List.of()), ATTENDANCE);
        assertThat(e.state()).isEqualTo(State.IN_PROGRESS);
        assertThat(e.reasons()).extracting(Eligibility.Reason::key).contains("certificate.reason.pendingSessions");
    }

    @Test
    void missingOneOfFiveIsExactlyTheEightyPercentThreshold() {
        Eligibility e = CertificateEligibility.of(attendance(PRESENT, PRESENT, ABSENT, PRESENT, PRESENT), ATTENDANCE);
        assertThat(e.state()).isEqualTo(State.ELIGIBLE);
        assertThat(e.reasons()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("certificate.reason.missed");
            assertThat(r.args()).containsExactly(3);
        });
    }

    @Test
    void missingTwoOfFiveWithNothingLeftIsNoLongerPossibleAndSaysTheRate() {
        Eligibility e = CertificateEligibility.of(attendance(PRESENT, ABSENT, ABSENT, PRESENT, PRESENT), ATTENDANCE);
        assertThat(e.state()).isEqualTo(State.NOT_POSSIBLE);
        assertThat(keys(e)).containsExactly("certificate.reason.missed", "certificate.reason.missed",
                "certificate.reason.attendanceBelow");
        // numbers, so the message writes them in the reader's language (66,7 in Spanish)
        assertThat(e.reasons().get(2).args()).usingElementComparator((a, b) -> new BigDecimal(a.toString())
                .compareTo(new BigDecimal(b.toString()))).containsExactly("60", "80");
    }

    @Test
    void anExcusedAbsenceLeavesTheDenominator() {
        Eligibility e = CertificateEligibility.of(attendance(PRESENT, EXCUSED, PRESENT, PRESENT, PRESENT), ATTENDANCE);
        assertThat(e.state()).isEqualTo(State.ELIGIBLE);
    }

    @Test
    void belowTheThresholdWithEncountersLeftThatCanStillReachItIsAtRisk() {
        Eligibility e = CertificateEligibility.of(attendance(PRESENT, ABSENT, null, null, null), ATTENDANCE);
        assertThat(e.state()).isEqualTo(State.AT_RISK);
        assertThat(keys(e)).containsExactly("certificate.reason.missed", "certificate.reason.pendingSessions",
                "certificate.reason.attendanceBelow");
    }

    @Test
    void onTrackWithEncountersLeftIsInProgress() {
        Eligibility e = CertificateEligibility.of(attendance(PRESENT, PRESENT, null, null, null), ATTENDANCE);
        assertThat(e.state()).isEqualTo(State.IN_PROGRESS);
        assertThat(e.reasons()).singleElement().satisfies(r -> assertThat(r.args()).containsExactly(3L));
    }

    @Test
    void whenEvenAttendingEverythingLeftCannotReachTheThresholdItIsNoLongerPossibleAtOnce() {
        Eligibility e = CertificateEligibility.of(attendance(ABSENT, ABSENT, null, null, null), ATTENDANCE);
        assertThat(e.state()).isEqualTo(State.NOT_POSSIBLE);
        assertThat(keys(e)).contains("certificate.reason.attendanceUnreachable");
    }

    @Test
    void approvalNeedsEveryExerciseApprovedAndNamesEachOneThatIsNot() {
        Standing s = withExercises(attendance(PRESENT, PRESENT, PRESENT, PRESENT, PRESENT),
                exercise(1, Status.GRADED, Verdict.APPROVED, "8"),
                exercise(2, Status.NEEDS_REVISION, Verdict.NEEDS_REVISION, "4"),
                exercise(3, Status.SUBMITTED, null, null),
                exercise(4, null, null, null),
                exercise(5, Status.GRADED, Verdict.APPROVED, "9"));
        Eligibility e = CertificateEligibility.of(s, APPROVAL);
        assertThat(e.state()).isEqualTo(State.AT_RISK);
        assertThat(keys(e)).containsExactly("certificate.reason.exerciseNeedsRevision",
                "certificate.reason.exerciseAwaitingGrade", "certificate.reason.exerciseNotSubmitted");
        assertThat(CertificateEligibility.of(s, ATTENDANCE).state()).as("the attendance certificate ignores exercises")
                .isEqualTo(State.ELIGIBLE);
    }

    @Test
    void aFailedExerciseMakesApprovalNoLongerPossible() {
        Standing s = withExercises(attendance(PRESENT, PRESENT, PRESENT, PRESENT, PRESENT),
                exercise(1, Status.GRADED, Verdict.NOT_APPROVED, "3"));
        Eligibility e = CertificateEligibility.of(s, APPROVAL);
        assertThat(e.state()).isEqualTo(State.NOT_POSSIBLE);
        assertThat(keys(e)).containsExactly("certificate.reason.exerciseNotApproved");
    }

    @Test
    void aMinimumAverageIsCheckedOverTheGradedScores() {
        CertificateRules withAverage = new CertificateRules(CertificateType.APPROVAL, null, BigDecimal.valueOf(80), true,
                BigDecimal.valueOf(7), "aprobacion");
        Standing s = withExercises(attendance(PRESENT, PRESENT, PRESENT, PRESENT, PRESENT),
                exercise(1, Status.GRADED, Verdict.APPROVED, "6"), exercise(2, Status.GRADED, Verdict.APPROVED, "7"));
        Eligibility e = CertificateEligibility.of(s, withAverage);
        assertThat(e.state()).isEqualTo(State.NOT_POSSIBLE);
        assertThat(e.reasons()).singleElement().satisfies(r -> assertThat(r.args()).usingElementComparator((a, b) ->
                new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()))).containsExactly("6.5", "7"));
        Standing better = withExercises(s, exercise(1, Status.GRADED, Verdict.APPROVED, "8"),
                exercise(2, Status.GRADED, Verdict.APPROVED, "7"));
        assertThat(CertificateEligibility.of(better, withAverage).state()).isEqualTo(State.ELIGIBLE);
    }

    @Test
    void approvalIsNeverBetterThanItsAttendance() {
        Standing s = withExercises(attendance(PRESENT, ABSENT, ABSENT, PRESENT, PRESENT),
                exercise(1, Status.GRADED, Verdict.APPROVED, "10"));
        assertThat(CertificateEligibility.of(s, APPROVAL).state()).isEqualTo(State.NOT_POSSIBLE);
    }
}
