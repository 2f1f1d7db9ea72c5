package ar.aulas.attendance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Attendance settings ({@code aulas.attendance.*}).
 *
 * @param checkInWindow how long self check-in stays open once a trainer opens it (default 20 minutes)
 * @param lateAfter after how long from the session's start a check-in counts as late (default 15 minutes)
 */
@ConfigurationProperties("aulas.attendance")
public record AttendanceProperties(Duration checkInWindow, Duration lateAfter) {

    public AttendanceProperties {
        checkInWindow = checkInWindow == null ? Duration.ofMinutes(20) : checkInWindow;
        lateAfter = lateAfter == null ? Duration.ofMinutes(15) : lateAfter;
    }
}
