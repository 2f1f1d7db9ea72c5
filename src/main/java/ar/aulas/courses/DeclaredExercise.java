package ar.aulas.courses;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * An exercise as declared in a module's front matter; the exercises feature turns it into the
 * exercise people submit to. Dates are in the course's time zone.
 */
public record DeclaredExercise(String slug, String title, String instructionsMarkdown, LocalDateTime opens,
        LocalDateTime due, BigDecimal maxScore, BigDecimal passMark, String mode, List<String> submissionTypes,
        List<Criterion> rubric) {

    /** A rubric criterion; the score of a graded submission is the sum of the points of the levels chosen. */
    public record Criterion(String name, List<Level> levels) {
        public BigDecimal maxPoints() {
            return levels.stream().map(Level::points).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        }
    }

    public record Level(String name, BigDecimal points, String description) {
    }

    public DeclaredExercise {
        rubric = rubric == null ? List.of() : List.copyOf(rubric);
    }
}
