package ar.aulas.attendance;

import ar.aulas.accounts.AulasUser;
import ar.aulas.courses.Course;
import ar.aulas.courses.CourseSummaries;
import ar.aulas.courses.Enrolments;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** On the course home: the participant's attendance per encounter and their rate. */
@Component
class AttendanceSummary implements CourseSummaries {

    private final AttendanceSessionRepository sessions;
    private final AttendanceMarks attendance;
    private final Enrolments enrolments;


    AttendanceSummary(AttendanceSessionRepository sessions, AttendanceMarks attendance, Enrolments enrolments) {
        this.sessions = sessions;
        this.attendance = attendance;
        this.enrolments = enrolments;
    }

    @Override
    public List<Summary> summaries(AulasUser user, Course course) {
        List<AttendanceSession> list = sessions.ofCourse(course.getCode());
        Map<String, AttendanceStatus> mine = attendance.of(course.getCode(), user.id());
        LocalDate enrolledOn = enrolments.find(course.getCode(), user.id()).filter(e -> e.isActive())
                .map(e -> e.getEnrolledAt().atZone(ZoneId.of(course.getTimeZone())).toLocalDate()).orElse(null);
        List<AttendanceRate.SessionMark> marks = new ArrayList<>();
        Map<Integer, String> perModule = new HashMap<>();
        for (AttendanceSession s : list) {
            AttendanceStatus status = mine.get(s.getId());
            marks.add(new AttendanceRate.SessionMark(s.getId(), s.getDate(), s.isTaken(), status));
            if (s.isTaken()) {
                boolean missed = status == null || status == AttendanceStatus.ABSENT;
                boolean beforeEnrolment = missed && enrolledOn != null && s.getDate() != null
                        && s.getDate().isBefore(enrolledOn);
                perModule.put(s.getModuleNumber(), beforeEnrolment ? "attendance.beforeEnrolment"
                        : "attendance.status." + (status == null ? AttendanceStatus.ABSENT : status));
            }
        }
        AttendanceRate rate = AttendanceRate.of(marks, enrolledOn, Weights.of(course));
        if (rate.percent() == null) {
            return List.of(new Summary("attendance.rate.none", new Object[0], perModule));
        }
        return List.of(new Summary("attendance.rate", new Object[] {rate.percent().stripTrailingZeros(),
                rate.counted()}, perModule));
    }
}
