package ar.aulas.attendance;

import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.Role;
import ar.aulas.courses.Course;
import ar.aulas.courses.CourseAccess;
import ar.aulas.courses.ModuleActivities;
import java.util.List;
import org.springframework.stereotype.Component;

/** On a module page: participants see their attendance to the encounter, trainers the roll call. */
@Component
class AttendanceActivities implements ModuleActivities {

    private final AttendanceSessionRepository sessions;
    private final AttendanceRecordRepository records;
    private final CourseAccess access;


    AttendanceActivities(AttendanceSessionRepository sessions, AttendanceRecordRepository records, CourseAccess access) {
        this.sessions = sessions;
        this.records = records;
        this.access = access;
    }

    @Override
    public List<Activity> activities(AulasUser user, Course course, int moduleNumber) {
        boolean trainer = user.has(Role.ADMIN) || course.hasTrainer(user.email());
        boolean participant = access.isEnrolled(user, course);
        if (!trainer && !participant) {
            return List.of();
        }
        return sessions.ofCourse(course.getCode()).stream()
                .filter(s -> s.getModuleNumber() == moduleNumber).map(s -> {
                    String status = null;
                    if (participant) {
                        status = records.findById(s.getId() + "|" + user.id())
                                .filter(r -> r.getStatus() != null)
                                .map(r -> "attendance.status." + r.getStatus())
                                .orElse(s.isTaken() ? "attendance.status.ABSENT" : "attendance.notTaken");
                    }
                    String url = trainer ? "/courses/" + course.getCode() + "/modules/" + moduleNumber + "/attendance?session="
                            + s.getNumber() : null;
                    return new Activity("attendance.activity", null, url, status);
                }).toList();
    }
}
