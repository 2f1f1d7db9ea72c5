package ar.aulas.attendance;

import ar.aulas.courses.CourseContentSynced;
import ar.aulas.courses.CourseModule;
import ar.aulas.courses.CourseModuleRepository;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** One session per encounter, following the module's date, time and venue; sessions of removed modules are archived. */
@Component
class SessionSync {

    private final CourseModuleRepository modules;
    private final AttendanceSessionRepository sessions;


    SessionSync(CourseModuleRepository modules, AttendanceSessionRepository sessions) {
        this.modules = modules;
        this.sessions = sessions;
    }

    @EventListener
    // before the participation figures follow the course (they read what this writes)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(CourseContentSynced event) {
        Map<String, AttendanceSession> existing = new HashMap<>();
        sessions.findByCourseCode(event.courseCode()).forEach(s -> existing.put(s.getId(), s));
        Set<String> seen = new HashSet<>();
        for (CourseModule m : modules.findByCourseCodeAndArchivedFalseOrderByNumberAsc(event.courseCode())) {
            AttendanceSession session = existing.getOrDefault(event.courseCode() + "/" + m.getNumber() + "/1",
                    new AttendanceSession(event.courseCode(), m.getNumber()));
            seen.add(session.getId());
            existing.values().stream().filter(x -> x.getModuleNumber() == m.getNumber() && x.isEditedInUi())
                    .forEach(x -> seen.add(x.getId()));
            if (session.isEditedInUi() || !session.isArchived() && Objects.equals(session.getDate(), m.getEncounterDate())
                    && Objects.equals(session.getStart(), m.getStartTime()) && Objects.equals(session.getEnd(), m.getEndTime())
                    && Objects.equals(session.getVenue(), m.getVenue())) {
                continue;
            }
            session.schedule(m.getEncounterDate(), m.getStartTime(), m.getEndTime(), m.getVenue());
            sessions.save(session);
        }
        existing.values().stream().filter(s -> !seen.contains(s.getId()) && !s.isArchived()).forEach(s -> {
            // a session of a module gone from the files goes with it, even if a trainer added it
            s.archive();
            sessions.save(s);
        });
    }
}
