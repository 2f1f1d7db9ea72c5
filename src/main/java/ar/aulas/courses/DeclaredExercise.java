package ar.aulas.courses;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * An exercise as declared in a module's front matter; the exercises feature turns it into the
 * exercise people submit to. Dates are in the course's time zone.
 */
public record DeclaredExercise(String slug, String title, String instructionsMarkdown, LocalDateTime opens,
        LocalDateTime due, BigDecimal maxScore, BigDecimal passMark, String mode, List<String> submissionTypes) {
}
