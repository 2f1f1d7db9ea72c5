package ar.aulas.attendance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * A participant's attendance rate: the weighted sum of their statuses over the sessions that count
 * for them. A session counts once attendance was taken for it; sessions held before the person
 * enrolled, and statuses excluded by the weights (justified absences), leave the denominator.
 */
public record AttendanceRate(BigDecimal earned, int counted, int excludedBeforeEnrolment, int excludedJustified) {

    public record SessionMark(String sessionId, LocalDate date, boolean taken, AttendanceStatus status) {
    }

    public static AttendanceRate of(List<SessionMark> sessions, LocalDate enrolledOn, Weights weights) {
        BigDecimal earned = BigDecimal.ZERO;
        int counted = 0;
        int beforeEnrolment = 0;
        int justified = 0;
        for (SessionMark s : sessions) {
            if (!s.taken()) {
                continue;
            }
            AttendanceStatus status = s.status() == null ? AttendanceStatus.ABSENT : s.status();
            boolean attended = status == AttendanceStatus.PRESENT || status == AttendanceStatus.LATE;
            if (!attended && enrolledOn != null && s.date() != null && s.date().isBefore(enrolledOn)) {
                beforeEnrolment++;
                continue;
            }
            if (!weights.counts(status)) {
                justified++;
                continue;
            }
            earned = earned.add(weights.weight(status));
            counted++;
        }
        return new AttendanceRate(earned, counted, beforeEnrolment, justified);
    }

    /** Percentage 0–100 with one decimal, or null when no session counts yet. */
    public BigDecimal percent() {
        if (counted == 0) {
            return null;
        }
        return earned.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(counted), 1, RoundingMode.HALF_UP);
    }

}
