package ar.aulas.attendance;

import static ar.aulas.attendance.AttendanceStatus.ABSENT;
import static ar.aulas.attendance.AttendanceStatus.EXCUSED;
import static ar.aulas.attendance.AttendanceStatus.LATE;
import static ar.aulas.attendance.AttendanceStatus.PRESENT;
import static org.assertj.core.api.Assertions.assertThat;

import ar.aulas.attendance.AttendanceRate.SessionMark;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttendanceRateTest {

    static SessionMark taken(int day, AttendanceStatus status) {
        return new SessionMark("s" + day, LocalDate.of(2026, 10, day), true, status);
    }

    @Test
    void presentAndLateCountAsAttendedAndAbsentAsMissed() {
        var rate = AttendanceRate.of(List.of(taken(1, PRESENT), taken(8, LATE), taken(15, ABSENT), taken(22, PRESENT)),
                null, Weights.DEFAULT);
        assertThat(rate.counted()).isEqualTo(4);
        assertThat(rate.percent()).isEqualByComparingTo("75.0");
    }

    @Test
    void aJustifiedAbsenceLeavesTheDenominator() {
        var rate = AttendanceRate.of(List.of(taken(1, PRESENT), taken(8, EXCUSED), taken(15, PRESENT)), null,
                Weights.DEFAULT);
        assertThat(rate.counted()).isEqualTo(2);
        assertThat(rate.excludedJustified()).isEqualTo(1);
        assertThat(rate.percent()).isEqualByComparingTo("100.0");
    }

    @Test
    void sessionsHeldBeforeEnrolmentAreNotCountedAsAbsences() {
        var rate = AttendanceRate.of(List.of(taken(1, null), taken(8, null), taken(15, PRESENT)),
                LocalDate.of(2026, 10, 10), Weights.DEFAULT);
        assertThat(rate.counted()).isEqualTo(1);
        assertThat(rate.excludedBeforeEnrolment()).isEqualTo(2);
        assertThat(rate.percent()).isEqualByComparingTo("100.0");
    }

    @Test
    void attendingASessionBeforeEnrollingStillCounts() {
        var rate = AttendanceRate.of(List.of(taken(1, PRESENT), taken(8, ABSENT), taken(15, PRESENT)),
                LocalDate.of(2026, 10, 10), Weights.DEFAULT);
        assertThat(rate.counted()).isEqualTo(2);
        assertThat(rate.excludedBeforeEnrolment()).isEqualTo(1);
        assertThat(rate.percent()).isEqualByComparingTo("100.0");
    }

    @Test
    void anUnmarkedPersonInATakenSessionIsAbsentAndUntakenSessionsDoNotCount() {
        var rate = AttendanceRate.of(List.of(taken(1, null), new SessionMark("s8", LocalDate.of(2026, 10, 8), false, null)),
                null, Weights.DEFAULT);
        assertThat(rate.counted()).isEqualTo(1);
        assertThat(rate.percent()).isEqualByComparingTo("0.0");
        assertThat(AttendanceRate.of(List.of(), null, Weights.DEFAULT).percent()).isNull();
    }

    @Test
    void configuredWeightsChangeTheRate() {
        var half = new EnumMap<AttendanceStatus, BigDecimal>(AttendanceStatus.class);
        half.put(PRESENT, BigDecimal.ONE);
        half.put(LATE, new BigDecimal("0.5"));
        half.put(EXCUSED, BigDecimal.ZERO);
        half.put(ABSENT, BigDecimal.ZERO);
        var rate = AttendanceRate.of(List.of(taken(1, PRESENT), taken(8, LATE), taken(15, EXCUSED)), null,
                new Weights(half));
        assertThat(rate.counted()).isEqualTo(3);
        assertThat(rate.percent()).isEqualByComparingTo("50.0");
    }
}
