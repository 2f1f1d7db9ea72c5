package ar.aulas.exercises;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.AccountRegistry;
import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.PersonOrder;
import ar.aulas.accounts.Role;
import ar.aulas.courses.Course;
import ar.aulas.courses.Enrolment;
import ar.aulas.courses.Enrolments;
import ar.aulas.institutions.Institution;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.shared.web.NotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** Participants (grouped by institution) × exercises, with status, score and a final status. */
@Service
public class Gradebook {

    public enum Final { APPROVED, IN_PROGRESS, NEEDS_REVISION, NOT_APPROVED }

    public record Cell(Submission.Status status, boolean late, String score, Submission.Verdict verdict) {
        public static final Cell EMPTY = new Cell(null, false, "", null);
    }

    public record Line(Account person, String institutionName, List<Cell> cells, Final result) {
    }

    public record Table(Course course, List<Exercise> exercises, List<Line> lines, List<GradebookColumns.Column> extra) {

        public Table(Course course, List<Exercise> exercises, List<Line> lines) {
            this(course, exercises, lines, List.of());
        }
    }

    private final ExerciseAccess access;
    private final ExerciseRepository exercises;
    private final SubmissionRepository submissions;
    private final Enrolments enrolments;
    private final AccountRegistry accounts;
    private final InstitutionDirectory institutions;
    private final ObjectProvider<GradebookColumns> columns;

    Gradebook(ExerciseAccess access, ExerciseRepository exercises, SubmissionRepository submissions,
            Enrolments enrolments, AccountRegistry accounts, InstitutionDirectory institutions,
            ObjectProvider<GradebookColumns> columns) {
        this.columns = columns;
        this.access = access;
        this.exercises = exercises;
        this.submissions = submissions;
        this.enrolments = enrolments;
        this.accounts = accounts;
        this.institutions = institutions;
    }

    public Table table(AulasUser user, String code) {
        Course course = access.course(user, code);
        boolean grader = access.grades(user, course);
        if (!grader && !user.has(Role.COORDINATOR)) {
            throw new NotFoundException();
        }
        Table table = compute(course, grader ? null : user.coordinatedInstitutionId());
        return new Table(table.course(), table.exercises(), table.lines(),
                columns.orderedStream().flatMap(c -> c.columns(course).stream()).toList());
    }

    /** The gradebook of a course (or of one institution's people), with no access check: for certificate eligibility. */
    public Table compute(Course course, String onlyInstitution) {
        String code = course.getCode();
        List<Exercise> list = exercises.findByCourseCodeAndArchivedFalseOrderByModuleNumberAsc(code);
        Map<String, Submission> byOwner = new HashMap<>();
        submissions.findByCourseCode(code).forEach(s -> byOwner.put(s.getExerciseId() + "|" + s.getOwnerKey(), s));
        List<Enrolment> enrolled = enrolments.ofCourse(code).stream().filter(Enrolment::isActive)
                .filter(e -> onlyInstitution == null || onlyInstitution.equals(e.getInstitutionId())).toList();
        Map<String, Account> people = accounts.findAll(enrolled.stream().map(Enrolment::getAccountId).toList()).stream()
                .collect(Collectors.toMap(Account::getId, Function.identity()));
        Map<String, Institution> byId = institutions.byId();
        List<Line> lines = new ArrayList<>();
        for (Enrolment e : enrolled) {
            Account person = people.get(e.getAccountId());
            if (person == null) {
                continue;
            }
            List<Cell> cells = new ArrayList<>();
            for (Exercise exercise : list) {
                String owner = exercise.ownerKeyOf(person.getId(), person.getInstitutionId());
                Submission s = byOwner.get(exercise.getId() + "|" + owner);
                if (s == null) {
                    cells.add(Cell.EMPTY);
                } else {
                    Submission.Grade g = s.lastGrade();
                    cells.add(new Cell(s.getStatus(), s.isLate(),
                            g == null || g.score() == null ? "" : g.score().stripTrailingZeros().toPlainString(),
                            g == null ? null : g.verdict()));
                }
            }
            Institution institution = byId.get(person.getInstitutionId());
            lines.add(new Line(person, institution == null ? "" : institution.getName(), cells, result(cells)));
        }
        lines.sort(Comparator.comparing(Line::institutionName, PersonOrder.TEXT)
                .thenComparing(Line::person, PersonOrder.ACCOUNTS));
        return new Table(course, list, lines);
    }

    static Final result(List<Cell> cells) {
        if (!cells.isEmpty() && cells.stream().allMatch(c -> c.status() == Submission.Status.GRADED
                && c.verdict() == Submission.Verdict.APPROVED)) {
            return Final.APPROVED;
        }
        if (cells.stream().anyMatch(c -> c.status() == Submission.Status.NEEDS_REVISION)) {
            return Final.NEEDS_REVISION;
        }
        if (cells.stream().anyMatch(c -> c.verdict() == Submission.Verdict.NOT_APPROVED)) {
            return Final.NOT_APPROVED;
        }
        return Final.IN_PROGRESS;
    }
}
