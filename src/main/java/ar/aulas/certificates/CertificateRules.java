package ar.aulas.certificates;

import ar.aulas.courses.Course;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * What each certificate of a course asks for, from {@code certificates:} in course.yml. A course that
 * declares nothing grants the attendance certificate at 80 %. Values are validated when the course
 * is synchronised (see CourseFolderReader), so here they are read with their defaults.
 */
public record CertificateRules(CertificateType type, String title, BigDecimal minAttendancePercent,
        boolean requireAllExercises, BigDecimal minAverage, String template) {

    public static final BigDecimal DEFAULT_MIN_ATTENDANCE = BigDecimal.valueOf(80);

    public static Map<CertificateType, CertificateRules> of(Course course) {
        Map<CertificateType, CertificateRules> rules = new EnumMap<>(CertificateType.class);
        Map<String, Object> declared = course.getCertificates();
        if (declared.isEmpty()) {
            rules.put(CertificateType.ATTENDANCE, new CertificateRules(CertificateType.ATTENDANCE, null,
                    DEFAULT_MIN_ATTENDANCE, false, null, CertificateType.ATTENDANCE.defaultTemplate()));
            return rules;
        }
        for (CertificateType type : CertificateType.values()) {
            if (declared.get(type.yamlKey()) instanceof Map<?, ?> map) {
                rules.put(type, new CertificateRules(type, text(map.get("title")),
                        number(map.get("minAttendancePercent"), DEFAULT_MIN_ATTENDANCE),
                        type == CertificateType.APPROVAL && !"false".equals(String.valueOf(map.get("requireAllExercises"))),
                        number(map.get("minAverage"), null),
                        map.get("template") == null ? type.defaultTemplate() : map.get("template").toString()));
            }
        }
        return rules;
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    private static BigDecimal number(Object value, BigDecimal otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return new BigDecimal(value.toString().trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
