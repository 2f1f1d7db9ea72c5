package ar.aulas.reports;

import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.Role;
import ar.aulas.courses.Course;
import ar.aulas.courses.CourseCatalog;
import ar.aulas.shared.HomeItems;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** On a coordinator's home page: per course, the people who can receive a certificate and do not have it yet. */
@Component
class ReportsHome implements HomeItems {

    private final CourseCatalog catalog;
    private final Participation participation;

    ReportsHome(CourseCatalog catalog, Participation participation) {
        this.catalog = catalog;
        this.participation = participation;
    }

    @Override
    public List<Item> items(AulasUser user) {
        if (!user.has(Role.COORDINATOR) && !user.has(Role.ADMIN)) {
            return List.of();
        }
        List<Item> items = new ArrayList<>();
        for (Course course : catalog.coursesOf(user)) {
            Participation.Line totals = participation.programme(user, course.getCode(), Participation.Sort.NAME, false).totals();
            long pending = totals.eligible().values().stream().mapToLong(Long::longValue).sum();
            if (pending > 0) {
                items.add(new Item(Section.FOLLOW_UP, "home.followUp.certificates", new Object[] {pending, course.getTitle()},
                        "/courses/" + course.getCode() + "/certificates", false, course.getCode()));
            }
        }
        return items;
    }
}
