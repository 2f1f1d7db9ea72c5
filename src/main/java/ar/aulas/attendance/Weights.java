package ar.aulas.attendance;

import ar.aulas.courses.Course;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * How much each status counts toward the attendance rate. A null weight means "excluded from the
 * denominator" (by default, a justified absence).
 */
public record Weights(Map<AttendanceStatus, BigDecimal> values) {

    public static final Weights DEFAULT = new Weights(defaults());

    private static Map<AttendanceStatus, BigDecimal> defaults() {
        Map<AttendanceStatus, BigDecimal> map = new EnumMap<>(AttendanceStatus.class);
        map.put(AttendanceStatus.PRESENT, BigDecimal.ONE);
        map.put(AttendanceStatus.LATE, BigDecimal.ONE);
        map.put(AttendanceStatus.EXCUSED, null);
        map.put(AttendanceStatus.ABSENT, BigDecimal.ZERO);
        return map;
    }

    /** The course's weights from course.yml (attendance.weights), the defaults for any status not given. */
    public static Weights of(Course course) {
        Map<AttendanceStatus, BigDecimal> map = new EnumMap<>(DEFAULT.values());
        if (course.getAttendance().get("weights") instanceof Map<?, ?> given) {
            given.forEach((key, value) -> {
                AttendanceStatus status = AttendanceStatus.valueOf(String.valueOf(key));
                map.put(status, "excluded".equals(String.valueOf(value)) ? null : new BigDecimal(String.valueOf(value)));
            });
        }
        return new Weights(map);
    }

    public boolean counts(AttendanceStatus status) {
        return values.get(status) != null;
    }

    public BigDecimal weight(AttendanceStatus status) {
        return values.get(status) == null ? BigDecimal.ZERO : values.get(status);
    }
}
