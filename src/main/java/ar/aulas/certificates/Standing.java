package ar.aulas.certificates;

import ar.aulas.attendance.AttendanceStatus;
import ar.aulas.exercises.Submission;
import java.math.BigDecimal;
import java.util.List;

/**
 * Where a participant stands in a course, as the eligibility rules read it: each attendance session
 * and each exercise. Built from the attendance report and the gradebook.
 *
 * @param attendancePercent the attendance rate so far, null while no session counts
 * @param bestPossible the rate if every session still to be taken were attended; null without sessions
 */
public record Standing(List<SessionMark> sessions, BigDecimal attendancePercent, BigDecimal bestPossible,
        List<ExerciseMark> exercises) {

    /**
     * One session; {@code status} is null when not taken yet (or taken with no mark, which counts as absent);
     * {@code held} once its day has come: a session counts as done only when held and taken.
     */
    public record SessionMark(int module, int session, int sessionsInModule, boolean taken, AttendanceStatus status,
            boolean beforeEnrolment, boolean held) {

        public SessionMark(int module, int session, int sessionsInModule, boolean taken, AttendanceStatus status,
                boolean beforeEnrolment) {
            this(module, session, sessionsInModule, taken, status, beforeEnrolment, true);
        }

        boolean done() {
            return taken && held;
        }

        boolean missed() {
            return taken && !beforeEnrolment && (status == null || status == AttendanceStatus.ABSENT);
        }
    }

    /** One exercise; {@code scoreOutOfTen} only for graded exercises on a points scale. */
    public record ExerciseMark(int module, String title, Submission.Status status, Submission.Verdict verdict,
            BigDecimal scoreOutOfTen) {
    }
}
