package ar.aulas.shared;

import ar.aulas.accounts.AulasUser;
import java.util.List;

/**
 * Implemented by features that put what is next for a person on their home page (the next encounter, work due,
 * work to grade, people at risk, certificates to issue), so the home page shows it without depending on them.
 */
public interface HomeItems {

    /** The home page's sections, in the order they are shown. */
    enum Section { NEWS, NEXT, TODO, GRADES, CERTIFICATES, FOLLOW_UP }

    /**
     * One line: a message key with its arguments, the page it opens, and whether it needs attention first
     * (an overdue exercise, a session not taken). {@code sort} orders the lines of a section (a date, say);
     * {@code badgeKey} names the badge shown before it ("urgent", "unread"), or null.
     */
    record Item(Section section, String key, Object[] args, String href, boolean urgent, String sort, String badgeKey) {

        /** A line whose badge, if any, says it needs attention. */
        public Item(Section section, String key, Object[] args, String href, boolean urgent, String sort) {
            this(section, key, args, href, urgent, sort, urgent ? "home.urgent" : null);
        }
    }

    /** An argument that is itself a message (a verdict, a state), written in the reader's language. */
    record Key(String key) {
    }

    List<Item> items(AulasUser user);
}
