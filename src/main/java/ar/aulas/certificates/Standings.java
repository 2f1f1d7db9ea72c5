package ar.aulas.certificates;

import ar.aulas.accounts.Account;
import ar.aulas.attendance.AttendanceReport;
import ar.aulas.attendance.AttendanceSession;
import ar.aulas.attendance.AttendanceStatus;
import ar.aulas.courses.Course;
import ar.aulas.exercises.Exercise;
import ar.aulas.exercises.Gradebook;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/** Builds every enrolled participant's {@link Standing} from one attendance report and one gradebook of the course. */
@Component
public class Standings {

    /** A participant with their standing and the encounters they attended (for the certificate's text). */
    public record Participant(Account account, String institutionName, Standing standing, List<Integer> attendedModules) {
    }

    private final AttendanceReport attendance;
    private final Gradebook gradebook;

    Standings(AttendanceReport attendance, Gradebook gradebook) {
        this.attendance = attendance;
        this.gradebook = gradebook;
    }

    /** In the course's order (institution, then name); {@code onlyInstitution} null for everyone. */
    public Map<String, Participant> of(Course course, String onlyInstitution) {
        AttendanceReport.Report report = attendance.compute(course, onlyInstitution);
        Gradebook.Table table = gradebook.compute(course, onlyInstitution);
        Map<String, Gradebook.Line> grades = new LinkedHashMap<>();
        table.lines().forEach(l -> grades.put(l.person().getId(), l));
        List<AttendanceSession> sessions = report.sessions();
        Map<Integer, Long> perModule = new LinkedHashMap<>();
        sessions.forEach(s -> perModule.merge(s.getModuleNumber(), 1L, Long::sum));
        Map<String, Participant> result = new LinkedHashMap<>();
        for (AttendanceReport.Person p : report.people()) {
            List<Standing.SessionMark> marks = new ArrayList<>();
            TreeSet<Integer> attended = new TreeSet<>();
            for (int i = 0; i < sessions.size(); i++) {
                AttendanceSession s = sessions.get(i);
                AttendanceStatus status = p.statuses().get(i);
                boolean came = status == AttendanceStatus.PRESENT || status == AttendanceStatus.LATE;
                if (came) {
                    attended.add(s.getModuleNumber());
                }
                boolean before = !came && p.enrolledOn() != null && s.getDate() != null && s.getDate().isBefore(p.enrolledOn());
                marks.add(new Standing.SessionMark(s.getModuleNumber(), s.getNumber(),
                        perModule.get(s.getModuleNumber()).intValue(), s.isTaken(), status, before));
            }
            List<Standing.ExerciseMark> exercises = new ArrayList<>();
            Gradebook.Line line = grades.get(p.account().getId());
            for (int i = 0; i < table.exercises().size(); i++) {
                Exercise e = table.exercises().get(i);
                Gradebook.Cell cell = line == null ? Gradebook.Cell.EMPTY : line.cells().get(i);
                exercises.add(new Standing.ExerciseMark(e.getModuleNumber(), e.getTitle(), cell.status(), cell.verdict(),
                        outOfTen(e, cell)));
            }
            result.put(p.account().getId(), new Participant(p.account(), p.institutionName(),
                    new Standing(marks, p.rate().percent(), p.bestPossible(), exercises), List.copyOf(attended)));
        }
        return result;
    }

    private static BigDecimal outOfTen(Exercise e, Gradebook.Cell cell) {
        if (e.getScale() != Exercise.Scale.POINTS || cell.score().isEmpty() || e.getMaxScore() == null
                || e.getMaxScore().signum() == 0) {
            return null;
        }
        return new BigDecimal(cell.score()).multiply(BigDecimal.TEN).divide(e.getMaxScore(), 2, RoundingMode.HALF_UP);
    }
}
