package ar.aulas.courses;

import ar.aulas.accounts.AulasUser;
import java.util.List;

/**
 * Implemented by features that add a line to a participant's progress on the course home
 * (attendance rate, exercises), so the courses feature shows it without depending on them.
 */
public interface CourseSummaries {

    /** A message key with its arguments, and optional per-module details (module number → message key). */
    record Summary(String key, Object[] args, java.util.Map<Integer, String> perModule) {
    }

    List<Summary> summaries(AulasUser user, Course course);
}
