package ar.aulas.courses;

import ar.aulas.accounts.AulasUser;
import java.util.List;
import java.util.Map;

/**
 * Implemented by features that add a line to a participant's progress on the course home
 * (attendance rate, exercises), so the courses feature shows it without depending on them.
 */
public interface CourseSummaries {

    /**
     * A message key with its arguments, optional per-module details (module number → message key), and an
     * optional link (path and the message key of its text).
     */
    record Summary(String key, Object[] args, Map<Integer, String> perModule, String href, String linkKey) {

        public Summary(String key, Object[] args, Map<Integer, String> perModule) {
            this(key, args, perModule, null, null);
        }
    }

    List<Summary> summaries(AulasUser user, Course course);
}
