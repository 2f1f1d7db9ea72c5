package ar.aulas.courses;

import ar.aulas.accounts.AulasUser;
import java.util.List;

/**
 * Implemented by features that add places to a course's home page for everyone who sees it (the conversation's
 * announcements, debates, team space and questions), so the courses feature links them without depending on them.
 */
public interface CourseLinks {

    /** A link's text (a message key with arguments), where it leads, and an optional badge (a count of unread, say). */
    record Link(String key, Object[] args, String href, String badgeKey, Object[] badgeArgs) {
    }

    List<Link> links(AulasUser user, Course course);
}
