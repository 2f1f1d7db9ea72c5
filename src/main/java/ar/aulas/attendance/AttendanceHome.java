package ar.aulas.attendance;

import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.Role;
import ar.aulas.courses.Course;
import ar.aulas.courses.CourseAccess;
import ar.aulas.courses.CourseCatalog;
import ar.aulas.shared.HomeItems;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * On the home page: a participant's next encounter of each course (with the check-in when it is open); a
 * trainer's next session to take (a session held and not taken first); a coordinator's people at risk.
 */
@Component
class AttendanceHome implements HomeItems {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final CourseCatalog catalog;
    private final CourseAccess access;
    private final AttendanceSessionRepository sessions;
    private final AttendanceReport reports;
    private final Clock clock;

    AttendanceHome(CourseCatalog catalog, CourseAccess access, AttendanceSessionRepository sessions,
            AttendanceReport reports, Clock clock) {
        this.catalog = catalog;
        this.access = access;
        this.sessions = sessions;
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public List<Item> items(AulasUser user) {
        List<Item> items = new ArrayList<>();
        for (Course course : catalog.coursesOf(user)) {
            LocalDate today = access.today(course);
            List<AttendanceSession> list = sessions.findByCourseCodeAndArchivedFalseOrderByModuleNumberAsc(course.getCode());
            boolean trainer = user.has(Role.ADMIN) || course.hasTrainer(user.email());
            if (access.isEnrolled(user, course)) {
                list.stream().filter(s -> s.getDate() != null && !s.getDate().isBefore(today)).findFirst().ifPresent(s -> {
                    boolean open = s.checkInOpen(clock.instant());
                    String base = "/courses/" + course.getCode() + "/modules/" + s.getModuleNumber() + "/attendance";
                    items.add(new Item(Section.NEXT, open ? "home.next.checkIn" : "home.next.encounter",
                            new Object[] {s.getModuleNumber(), course.getTitle(), DATE.format(s.getDate()),
                                    s.getStart() == null ? "" : TIME.format(s.getStart()), s.getVenue() == null ? "" : s.getVenue()},
                            open ? base + "/check-in" : "/courses/" + course.getCode() + "/modules/" + s.getModuleNumber(),
                            open, s.getDate().toString()));
                });
            }
            if (trainer) {
                list.stream().filter(s -> !s.isTaken() && s.hasCome(today)).findFirst().or(() -> list.stream()
                        .filter(s -> !s.isTaken()).findFirst()).ifPresent(s -> items.add(new Item(Section.TODO,
                        s.hasCome(today) ? "home.todo.rollCallDue" : "home.todo.rollCallNext",
                        new Object[] {s.getModuleNumber(), course.getTitle(), s.getDate() == null ? "" : DATE.format(s.getDate())},
                        "/courses/" + course.getCode() + "/modules/" + s.getModuleNumber() + "/attendance",
                        s.hasCome(today), s.getDate() == null ? "" : s.getDate().toString())));
            }
            if (user.has(Role.COORDINATOR) && !trainer) {
                long atRisk = reports.report(user, course.getCode()).people().stream()
                        .filter(p -> p.risk() != AttendanceReport.Risk.OK).count();
                if (atRisk > 0) {
                    items.add(new Item(Section.FOLLOW_UP, "home.followUp.atRisk", new Object[] {atRisk, course.getTitle()},
                            "/courses/" + course.getCode() + "/attendance", true, course.getCode()));
                }
            }
        }
        return items;
    }
}
