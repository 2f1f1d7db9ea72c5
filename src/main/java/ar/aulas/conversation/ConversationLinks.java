package ar.aulas.conversation;

import ar.aulas.accounts.AulasUser;
import ar.aulas.courses.Course;
import ar.aulas.courses.CourseCatalog;
import ar.aulas.courses.CourseLinks;
import ar.aulas.courses.CourseModule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * On a course's home page: its convocatorias, each encounter's debate, the person's team space (or, for trainers,
 * every team's) and the questions, each with how many posts the person has not read.
 */
@Component
class ConversationLinks implements CourseLinks {

    private final ConversationAccess access;
    private final ReadMarks marks;
    private final Announcements announcements;
    private final CourseCatalog catalog;
    private final People people;
    private final ThreadSummaries summaries;

    ConversationLinks(ConversationAccess access, ReadMarks marks, Announcements announcements,
            CourseCatalog catalog, People people, ThreadSummaries summaries) {
        this.summaries = summaries;
        this.access = access;
        this.marks = marks;
        this.announcements = announcements;
        this.catalog = catalog;
        this.people = people;
    }

    @Override
    public List<Link> links(AulasUser user, Course course) {
        List<Space> spaces = new ArrayList<>();
        Map<Space, Object[]> names = new HashMap<>();
        for (CourseModule m : catalog.modules(course.getCode()).values()) {
            Space s = Space.debate(m.getNumber());
            if (access.canRead(user, course, s)) {
                spaces.add(s);
                names.put(s, new Object[] {m.getNumber(), m.getTitle()});
            }
        }
        Map<String, String> institutions = people.institutionNames();
        boolean moderator = access.moderates(user, course);
        // trainers reach every team's space from one index; others see their own (a coordinator: their institution's)
        List<String> teams = moderator || user.seesAllInstitutions() ? List.of()
                : Stream.of(access.teamOf(user, course), user.coordinatedInstitutionId())
                        .filter(Objects::nonNull).distinct().toList();
        for (String team : teams) {
            Space s = Space.team(team);
            if (access.canRead(user, course, s)) {
                spaces.add(s);
                names.put(s, new Object[] {institutions.getOrDefault(team, "")});
            }
        }
        if (access.canRead(user, course, Space.questions())) {
            spaces.add(Space.questions());
            names.put(Space.questions(), new Object[0]);
        }
        Map<String, Long> seen = marks.of(user.id(), course.getCode());
        Map<String, Long> unread = new HashMap<>();
        Set<String> keys = new HashSet<>(spaces.stream().map(Space::key).toList());
        summaries.of(course.getCode()).stream().filter(t -> keys.contains(t.getSpace()))
                .filter(t -> access.canRead(user, course, t))
                .forEach(t -> unread.merge(t.getSpace(), Math.max(0, t.getPosts() - seen.getOrDefault(t.getId(), 0L)), Long::sum));
        List<Link> links = new ArrayList<>();
        long unreadAnnouncements = announcements.unread(user, course);
        links.add(new Link("conversation.link.announcements", new Object[0], "/courses/" + course.getCode() + "/announcements",
                unreadAnnouncements > 0 ? "conversation.unread" : null, new Object[] {unreadAnnouncements}));
        if (moderator || user.seesAllInstitutions()) {
            links.add(new Link("conversation.link.teams", new Object[0], "/courses/" + course.getCode() + "/teams", null,
                    new Object[0]));
        }
        for (Space s : spaces) {
            long n = unread.getOrDefault(s.key(), 0L);
            links.add(new Link("conversation.link." + s.kind().name().toLowerCase(Locale.ROOT), names.get(s),
                    s.path(course.getCode()), n > 0 ? "conversation.unread" : null, new Object[] {n}));
        }
        return links;
    }
}
