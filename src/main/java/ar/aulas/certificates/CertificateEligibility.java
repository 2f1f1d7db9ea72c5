package ar.aulas.certificates;

import ar.aulas.certificates.Eligibility.Reason;
import ar.aulas.certificates.Eligibility.State;
import ar.aulas.exercises.Submission;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The eligibility rules. Attendance: the rate must reach the threshold once every session has been
 * held and taken; below it with sessions left is "at risk", and "no longer possible" when even attending all of
 * them would not reach it. Approval adds: every exercise approved (revision pending is "at risk", not
 * approved is "no longer possible"), and the average when the course sets one.
 */
public final class CertificateEligibility {

    private CertificateEligibility() {
    }

    public static Eligibility of(Standing standing, CertificateRules rules) {
        List<Reason> reasons = new ArrayList<>();
        State state = attendance(standing, rules.minAttendancePercent(), reasons);
        if (rules.type() == CertificateType.APPROVAL) {
            if (rules.requireAllExercises()) {
                state = state.worst(exercises(standing, reasons));
            }
            if (rules.minAverage() != null) {
                state = state.worst(average(standing, rules.minAverage(), reasons));
            }
        }
        return new Eligibility(state, List.copyOf(reasons));
    }

    private static State attendance(Standing standing, BigDecimal min, List<Reason> reasons) {
        for (Standing.SessionMark s : standing.sessions()) {
            if (s.missed()) {
                reasons.add(s.sessionsInModule() > 1 ? new Reason("certificate.reason.missedSession", s.module(), s.session())
                        : new Reason("certificate.reason.missed", s.module()));
            }
        }
        // an encounter counts once it has been held (its day has come) and its attendance taken
        long pending = standing.sessions().stream().filter(s -> !s.done()).count();
        BigDecimal percent = standing.attendancePercent();
        if (standing.sessions().isEmpty()) {
            reasons.add(new Reason("certificate.reason.noSessions"));
            return State.IN_PROGRESS;
        }
        if (pending > 0 && standing.bestPossible() != null && standing.bestPossible().compareTo(min) < 0) {
            reasons.add(new Reason("certificate.reason.attendanceUnreachable", plain(standing.bestPossible()), plain(min)));
            return State.NOT_POSSIBLE;
        }
        if (pending > 0) {
            reasons.add(new Reason("certificate.reason.pendingSessions", pending));
            if (percent != null && percent.compareTo(min) < 0) {
                reasons.add(new Reason("certificate.reason.attendanceBelow", plain(percent), plain(min)));
                return State.AT_RISK;
            }
            return State.IN_PROGRESS;
        }
        if (percent == null || percent.compareTo(min) < 0) {
            reasons.add(new Reason("certificate.reason.attendanceBelow", percent == null ? BigDecimal.ZERO : plain(percent), plain(min)));
            return State.NOT_POSSIBLE;
        }
        return State.ELIGIBLE;
    }

    private static State exercises(Standing standing, List<Reason> reasons) {
        State state = State.ELIGIBLE;
        for (Standing.ExerciseMark e : standing.exercises()) {
            Submission.Status status = e.status();
            if (status == Submission.Status.GRADED && e.verdict() == Submission.Verdict.APPROVED) {
                continue;
            }
            if (status == null || status == Submission.Status.DRAFT) {
                reasons.add(new Reason("certificate.reason.exerciseNotSubmitted", e.module(), e.title()));
                state = state.worst(State.IN_PROGRESS);
            } else if (status == Submission.Status.SUBMITTED) {
                reasons.add(new Reason("certificate.reason.exerciseAwaitingGrade", e.module(), e.title()));
                state = state.worst(State.IN_PROGRESS);
            } else if (status == Submission.Status.NEEDS_REVISION) {
                reasons.add(new Reason("certificate.reason.exerciseNeedsRevision", e.module(), e.title()));
                state = state.worst(State.AT_RISK);
            } else {
                reasons.add(new Reason("certificate.reason.exerciseNotApproved", e.module(), e.title()));
                state = state.worst(State.NOT_POSSIBLE);
            }
        }
        return state;
    }

    private static State average(Standing standing, BigDecimal min, List<Reason> reasons) {
        List<BigDecimal> scores = standing.exercises().stream().map(Standing.ExerciseMark::scoreOutOfTen)
                .filter(Objects::nonNull).toList();
        if (scores.isEmpty()) {
            return State.ELIGIBLE;
        }
        BigDecimal average = scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
        if (average.compareTo(min) >= 0) {
            return State.ELIGIBLE;
        }
        reasons.add(new Reason("certificate.reason.averageBelow", plain(average), plain(min)));
        boolean allGraded = standing.exercises().stream().allMatch(e -> e.status() == Submission.Status.GRADED);
        return allGraded ? State.NOT_POSSIBLE : State.AT_RISK;
    }

    /** A number for a message: MessageFormat writes it as the reader's language does (66,7 in Spanish). */
    private static BigDecimal plain(BigDecimal value) {
        return value.stripTrailingZeros();
    }
}
