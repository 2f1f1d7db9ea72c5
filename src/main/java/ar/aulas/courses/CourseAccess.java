package ar.aulas.courses;

import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.Role;
import ar.aulas.shared.web.NotFoundException;
import ar.aulas.shared.web.RequestMemo;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who sees a course and what they may do in it. Anything a person may not see answers "not
 * found", exactly like something that does not exist, so ids cannot be probed.
 */
@Component
public class CourseAccess {

    private final CourseRepository courses;
    private final CourseModuleRepository modules;
    private final EnrolmentRepository enrolments;
    private final Clock clock;

    CourseAccess(CourseRepository courses, CourseModuleRepository modules, EnrolmentRepository enrolments, Clock clock) {
        this.courses = courses;
        this.modules = modules;
        this.enrolments = enrolments;
        this.clock = clock;
    }

    /** The course, if this person may see it; otherwise 404. */
    public Course course(AulasUser user, String code) {
        Course course = courses.findById(code).filter(c -> !c.isArchived()).orElseThrow(NotFoundException::new);
        if (!canSee(user, course)) {
            throw new NotFoundException();
        }
        return course;
    }

    /** The module, if the course is visible and the module is released (or the person is staff); otherwise 404. */
    public CourseModule module(AulasUser user, Course course, int number) {
        CourseModule module = modules.findById(CourseModule.id(course.getCode(), number))
                .filter(m -> !m.isArchived()).orElseThrow(NotFoundException::new);
        if (!seesUnreleased(user, course) && !module.isReleasedOn(today(course))) {
            throw new NotFoundException();
        }
        return module;
    }

    /** The course for work done on no one's behalf (a scheduled delivery); archived courses are none. */
    public Optional<Course> courseForSystem(String code) {
        return courses.findById(code).filter(c -> !c.isArchived());
    }

    public boolean canSee(AulasUser user, Course course) {
        if (user.has(Role.ADMIN) || course.hasTrainer(user.email())) {
            return true;
        }
        if (user.has(Role.COORDINATOR)) {
            return user.coordinatedInstitutionId() == null || enrolments.existsByCourseCodeAndInstitutionIdAndActiveTrue(
                    course.getCode(), user.coordinatedInstitutionId());
        }
        return isEnrolled(user, course);
    }

    public boolean isEnrolled(AulasUser user, Course course) {
        // by id alone: the embedded store uses its _id index only when the filter is the id
        String id = Enrolment.id(course.getCode(), user.id());
        return RequestMemo.get("enrolment:" + id, () -> enrolments.findById(id))
                .map(Enrolment::isActive).orElse(false);
    }

    /** Trainers of the course and admins add and edit materials. */
    public boolean canManageMaterials(AulasUser user, Course course) {
        return user.has(Role.ADMIN) || course.hasTrainer(user.email());
    }

    /** Admins and programme coordinators enrol people. */
    public boolean canEnrol(AulasUser user) {
        return user.has(Role.ADMIN) || (user.has(Role.COORDINATOR) && user.coordinatedInstitutionId() == null);
    }

    /** Staff see modules before their release date and hidden materials; participants do not. */
    public boolean seesUnreleased(AulasUser user, Course course) {
        return user.has(Role.ADMIN) || user.has(Role.COORDINATOR) || course.hasTrainer(user.email());
    }

    public LocalDate today(Course course) {
        return LocalDate.now(clock.withZone(ZoneId.of(course.getTimeZone())));
    }
}
