package ar.aulas.conversation;

import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.Role;
import ar.aulas.courses.Course;
import ar.aulas.courses.CourseAccess;
import ar.aulas.courses.CourseCatalog;
import ar.aulas.courses.CourseModule;
import ar.aulas.courses.Enrolment;
import ar.aulas.courses.Enrolments;
import ar.aulas.shared.web.NotFoundException;
import ar.aulas.shared.web.RequestMemo;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Who reads and who writes where. Whatever a person may not read answers "not found", exactly like something
 * that does not exist. Trainers of the course (and admins) moderate everything in it; participants write in the
 * debates of released encounters, in their own team's space and in their questions; coordinators read (the
 * debates and the FAQ when they follow the whole programme, their institution's team space when scoped), since
 * a scoped coordinator never learns about people of other institutions.
 */
@Component
class ConversationAccess {

    private final CourseAccess courses;
    private final Enrolments enrolments;
    /** Looked up when needed: the catalog lists the activities of a module, the debate among them, which ask here. */
    private final ObjectProvider<CourseCatalog> catalog;

    ConversationAccess(CourseAccess courses, Enrolments enrolments,
            ObjectProvider<CourseCatalog> catalog) {
        this.courses = courses;
        this.enrolments = enrolments;
        this.catalog = catalog;
    }

    Course course(AulasUser user, String courseCode) {
        return courses.course(user, courseCode);
    }

    Optional<Course> courseForSystem(String courseCode) {
        return courses.courseForSystem(courseCode);
    }

    boolean moderates(AulasUser user, Course course) {
        return user.has(Role.ADMIN) || course.hasTrainer(user.email());
    }

    /** The institution the person follows the course with, or null when not enrolled. */
    String teamOf(AulasUser user, Course course) {
        return enrolments.find(course.getCode(), user.id()).filter(Enrolment::isActive)
                .map(Enrolment::getInstitutionId).orElse(null);
    }

    boolean enrolled(AulasUser user, Course course) {
        return courses.isEnrolled(user, course);
    }

    /** The space, if this person may read it; otherwise 404 (an unreleased encounter, another team, no such space). */
    Space readable(AulasUser user, Course course, Space space) {
        if (!canRead(user, course, space)) {
            throw new NotFoundException();
        }
        return space;
    }

    /** Read once per page and space: a list of 1,000 threads asks it for each. */
    boolean canRead(AulasUser user, Course course, Space space) {
        return RequestMemo.get("conversation-read:" + user.id() + "|" + course.getCode() + "|" + space.key(),
                () -> decide(user, course, space));
    }

    private boolean decide(AulasUser user, Course course, Space space) {
        return switch (space.kind()) {
            case DEBATE -> {
                if (!exists(course, space)) {
                    yield false;
                }
                if (moderates(user, course) || user.seesAllInstitutions()) {
                    yield true;
                }
                yield enrolled(user, course) && released(user, course, space.module());
            }
            case TEAM -> enrolments.hasInstitution(course.getCode(), space.institutionId())
                    && (moderates(user, course)
                    || (user.has(Role.COORDINATOR) && (user.coordinatedInstitutionId() == null
                            || user.coordinatedInstitutionId().equals(space.institutionId())))
                    || space.institutionId().equals(teamOf(user, course)));
            case QUESTIONS -> moderates(user, course) || enrolled(user, course) || user.seesAllInstitutions();
        };
    }

    /** Whether the person may start a thread here (the space's own lock is checked by the caller). */
    boolean canWrite(AulasUser user, Course course, Space space) {
        if (!canRead(user, course, space)) {
            return false;
        }
        if (moderates(user, course)) {
            return space.kind() != Space.Kind.QUESTIONS; // trainers answer questions, they do not ask them
        }
        return switch (space.kind()) {
            case DEBATE -> enrolled(user, course);
            case TEAM -> space.institutionId().equals(teamOf(user, course));
            case QUESTIONS -> enrolled(user, course);
        };
    }

    /** Whether the person reads this thread: its space, and for a question, being its asker, their team or a trainer. */
    boolean canRead(AulasUser user, Course course, DiscussionThread thread) {
        Space space = thread.space();
        if (!thread.getCourseCode().equals(course.getCode()) || !canRead(user, course, space)) {
            return false;
        }
        boolean moderator = moderates(user, course);
        if (thread.isHidden() && !moderator && !thread.getAuthorId().equals(user.id())) {
            return false;
        }
        if (space.kind() == Space.Kind.QUESTIONS) {
            return moderator || thread.isFaq() || asker(user, course, thread);
        }
        return true;
    }

    /** The asker of a question, or (when they shared it) a member of their team in this course. */
    boolean asker(AulasUser user, Course course, DiscussionThread thread) {
        return thread.getAuthorId().equals(user.id()) || (thread.isSharedWithTeam() && thread.getInstitutionId() != null
                && Objects.equals(thread.getInstitutionId(), teamOf(user, course)));
    }

    /** Whether the person may reply: they read it and write in its space, or it is their question; never in a locked thread. */
    boolean canReply(AulasUser user, Course course, DiscussionThread thread) {
        if (thread.isLocked() || !canRead(user, course, thread)) {
            return false;
        }
        if (thread.space().kind() == Space.Kind.QUESTIONS) {
            return moderates(user, course) || (!thread.isFaq() && asker(user, course, thread));
        }
        return moderates(user, course) || canWrite(user, course, thread.space());
    }

    private boolean exists(Course course, Space space) {
        return catalog.getObject().modules(course.getCode()).containsKey(space.module());
    }

    private boolean released(AulasUser user, Course course, int module) {
        return exists(course, Space.debate(module)) && (courses.seesUnreleased(user, course) || released(course, module));
    }

    /** Whether an encounter is released today, for everyone (the mail sent on no one's session asks). */
    boolean released(Course course, int module) {
        CourseModule m = catalog.getObject().modules(course.getCode()).get(module);
        return m != null && m.isReleasedOn(courses.today(course));
    }
}
