package ar.aulas.conversation;

import ar.aulas.accounts.AulasUser;
import ar.aulas.courses.Course;
import ar.aulas.courses.CourseCatalog;
import ar.aulas.shared.HomeItems;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** On everyone's home page: the convocatorias of their courses from the last 30 days (and pinned ones), unread marked. */
@Component
class ConversationHome implements HomeItems {

    static final int PER_COURSE = 5;

    private final CourseCatalog catalog;
    private final Announcements announcements;

    ConversationHome(CourseCatalog catalog, Announcements announcements) {
        this.catalog = catalog;
        this.announcements = announcements;
    }

    @Override
    public List<Item> items(AulasUser user) {
        List<Item> items = new ArrayList<>();
        for (Course course : catalog.coursesOf(user)) {
            announcements.recent(user, course).stream().limit(PER_COURSE).forEach(line -> items.add(new Item(
                    Section.NEWS, "home.announcement", new Object[] {line.announcement().getTitle(), course.getTitle()},
                    Announcements.path(line.announcement()), false,
                    // newest first within the section
                    String.valueOf(Long.MAX_VALUE - line.announcement().getPublishAt().toEpochMilli()),
                    line.unread() ? "announcement.unread" : line.pinned() ? "announcement.pinned" : null)));
        }
        return items;
    }
}
