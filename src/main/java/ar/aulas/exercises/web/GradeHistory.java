package ar.aulas.exercises.web;

import ar.aulas.courses.DeclaredExercise;
import ar.aulas.exercises.Exercise;
import ar.aulas.exercises.Submission;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * A submission's grade history in words: results by their names ("Requiere revisión → Aprobado"),
 * rubric choices as each criterion's level with its points, scores as the locale writes numbers.
 */
public final class GradeHistory {

    public record Line(Instant at, String who, String field, String from, String to, int attempt) {
    }

    private GradeHistory() {
    }

    public static List<Line> of(Submission submission, Exercise exercise, Map<String, String> people, MessageSource messages,
            Locale locale) {
        List<Line> lines = new ArrayList<>();
        for (Submission.Change c : submission.getHistory()) {
            lines.add(new Line(c.at(), people.getOrDefault(c.accountId(), c.accountId()), c.field(),
                    words(c.field(), c.from(), exercise, messages, locale), words(c.field(), c.to(), exercise, messages, locale),
                    c.attempt()));
        }
        return lines;
    }

    static String words(String field, String value, Exercise exercise, MessageSource messages, Locale locale) {
        if (value == null || value.isBlank() || "null".equals(value)) {
            return "—";
        }
        try {
            return switch (field) {
                case "verdict" -> messages.getMessage("grade.verdict." + value, null, value, locale);
                case "score" -> NumberFormat.getNumberInstance(locale).format(new BigDecimal(value));
                case "rubric" -> rubric(value, exercise, messages, locale);
                default -> value;
            };
        } catch (RuntimeException e) {
            return value;
        }
    }

    /** "[0, 2]" → "Diagnóstico: Completo (4 puntos); Propuesta: Parcial (2 puntos)". */
    private static String rubric(String value, Exercise exercise, MessageSource messages, Locale locale) {
        String[] indexes = value.replaceAll("[\\[\\]\\s]", "").split(",");
        List<DeclaredExercise.Criterion> criteria = exercise.getRubric();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < indexes.length; i++) {
            int level = Integer.parseInt(indexes[i]);
            if (i >= criteria.size() || level < 0 || level >= criteria.get(i).levels().size()) {
                return value;
            }
            DeclaredExercise.Level chosen = criteria.get(i).levels().get(level);
            parts.add(messages.getMessage("grade.history.level", new Object[] {criteria.get(i).name(), chosen.name(),
                    chosen.points()}, locale));
        }
        return String.join("; ", parts);
    }
}
