package ar.aulas.exercises;

import ar.aulas.courses.Course;
import java.util.List;
import java.util.Map;

/**
 * Implemented by features whose work is graded outside exercises (a debate graded for participation), so the
 * gradebook shows their columns without depending on them.
 */
public interface GradebookColumns {

    /** A column: its heading (a message key with its arguments), each person's value by account id, and everyone else's. */
    record Column(String key, Object[] args, Map<String, String> values, String otherwise) {

        public String of(String accountId) {
            return values.getOrDefault(accountId, otherwise);
        }
    }

    List<Column> columns(Course course);
}
