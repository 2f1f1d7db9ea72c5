package ar.aulas.attendance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A participant's attendance rate: the weighted sum of their statuses over the sessions that count
 * for them. A session counts once attendance was taken for it (no mark then counts as absent); sessions
 * held before the person enrolled (unless they came anyway), and statuses excluded by the weights
 * (justified absences), leave the denominator.
 *
 * <p>This is the one definition of attendance: a group's rate (an institution's, per encounter or overall)
 * is the sum of its members' {@link Share}s, so the attendance report and the participation dashboard
 * agree on the same data.
 */
public record AttendanceRate(BigDecimal earned, int counted, int excludedBeforeEnrolment, int excludedJustified) {

    public record SessionMark(String sessionId, LocalDate date, boolean taken, AttendanceStatus status) {
    }

    /** What one session adds to a person's rate: {@code earned} over {@code counted} (0 or 1). */
    public record Share(BigDecimal earned, int counted) {

        public static final Share NONE = new Share(BigDecimal.ZERO, 0);
    }

    /** Each session's share, in the order given. */
    public static List<Share> shares(List<SessionMark> sessions, LocalDate enrolledOn, Weights weights) {
        List<Share> shares = new ArrayList<>(sessions.size());
        for (SessionMark s : sessions) {
            shares.add(share(s, enrolledOn, weights));
        }
        return shares;
    }

    private static Share share(SessionMark s, LocalDate enrolledOn, Weights weights) {
        if (!s.taken()) {
            return Share.NONE;
        }
        AttendanceStatus status = s.status() == null ? AttendanceStatus.ABSENT : s.status();
        boolean attended = status == AttendanceStatus.PRESENT || status == AttendanceStatus.LATE;
        if (!attended && beforeEnrolment(s, enrolledOn)) {
            return Share.NONE;
        }
        return weights.counts(status) ? new Share(weights.weight(status), 1) : Share.NONE;
    }

    private static boolean beforeEnrolment(SessionMark s, LocalDate enrolledOn) {
        return enrolledOn != null && s.date() != null && s.date().isBefore(enrolledOn);
    }

    public static AttendanceRate of(List<SessionMark> sessions, LocalDate enrolledOn, Weights weights) {
        BigDecimal earned = BigDecimal.ZERO;
        int counted = 0;
        int beforeEnrolment = 0;
        int justified = 0;
        for (SessionMark s : sessions) {
            Share share = share(s, enrolledOn, weights);
            earned = earned.add(share.earned());
            counted += share.counted();
            if (s.taken() && share.counted() == 0) {
                AttendanceStatus status = s.status() == null ? AttendanceStatus.ABSENT : s.status();
                boolean attended = status == AttendanceStatus.PRESENT || status == AttendanceStatus.LATE;
                if (!attended && beforeEnrolment(s, enrolledOn)) {
                    beforeEnrolment++;
                } else {
                    justified++;
                }
            }
        }
        return new AttendanceRate(earned, counted, beforeEnrolment, justified);
    }

    /** A group's rate from its members' shares: percentage with one decimal, null when nothing counts. */
    public static BigDecimal percent(BigDecimal earned, long counted) {
        return counted == 0 ? null
                : earned.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(counted), 1, RoundingMode.HALF_UP);
    }

    /** Percentage 0–100 with one decimal, or null when no session counts yet. */
    public BigDecimal percent() {
        return percent(earned, counted);
    }

}
