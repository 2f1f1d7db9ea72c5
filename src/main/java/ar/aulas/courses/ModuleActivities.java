package ar.aulas.courses;

import ar.aulas.accounts.AulasUser;
import java.util.List;

/**
 * Implemented by features that add activities to a module page (exercises, attendance), so the
 * courses feature shows them without depending on those features.
 */
public interface ModuleActivities {

    /** @param statusKey a message key for the person's status, or null */
    record Activity(String titleKey, String title, String url, String statusKey) {
    }

    List<Activity> activities(AulasUser user, Course course, int moduleNumber);
}
