package ar.aulas.exercises;

import ar.aulas.accounts.AulasUser;
import ar.aulas.courses.CourseCatalog;
import ar.aulas.shared.HomeItems;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * On the home page: a participant's exercises still to submit (overdue first, then by due date) and their
 * latest grades; a trainer's submissions waiting for a grade, per exercise.
 */
@Component
class ExerciseHome implements HomeItems {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    static final int LATEST_GRADES = 3;

    private final MySubmissions mine;
    private final Grading grading;
    private final CourseCatalog catalog;

    ExerciseHome(MySubmissions mine, Grading grading, CourseCatalog catalog) {
        this.mine = mine;
        this.grading = grading;
        this.catalog = catalog;
    }

    @Override
    public List<Item> items(AulasUser user) {
        List<Item> items = new ArrayList<>();
        List<MySubmissions.Item> work = user.isParticipant() ? mine.of(user) : List.of();
        for (MySubmissions.Item i : work) {
            ParticipantStatus s = i.status();
            if (s == ParticipantStatus.NOT_STARTED || s == ParticipantStatus.DRAFT || s == ParticipantStatus.NEEDS_REVISION) {
                String key = i.overdue() ? "home.todo.exerciseOverdue" : s == ParticipantStatus.NEEDS_REVISION
                        ? "home.todo.exerciseRevision" : "home.todo.exercise";
                items.add(new Item(Section.TODO, key, new Object[] {i.exercise().getTitle(), i.course().getTitle(),
                        i.due() == null ? "" : DUE.format(i.due())}, href(i.exercise()), i.overdue(),
                        i.due() == null ? "9999" : i.due().toString()));
            }
        }
        work.stream().filter(i -> i.visibleGrade() != null && i.visibleGrade().gradedAt() != null)
                .sorted(Comparator.comparing((MySubmissions.Item i) -> i.visibleGrade().gradedAt()).reversed())
                .limit(LATEST_GRADES).forEach(i -> {
                    Submission.Grade g = i.visibleGrade();
                    var verdict = new HomeItems.Key("grade.verdict." + g.verdict());
                    items.add(new Item(Section.GRADES, g.score() == null ? "home.grades.verdict" : "home.grades.score",
                            new Object[] {i.exercise().getTitle(), verdict, g.score() == null ? "" : g.score(),
                                    i.exercise().getMaxScore() == null ? "" : i.exercise().getMaxScore()},
                            href(i.exercise()), false, g.gradedAt().toString()));
                });
        for (Grading.Pending p : grading.pending(user, catalog.coursesOf(user))) {
            if (p.toGrade() > 0) {
                items.add(new Item(Section.TODO, "home.todo.toGrade", new Object[] {p.toGrade(), p.exercise().getTitle(),
                        p.course().getTitle()}, href(p.exercise()) + "/submissions?status=SUBMITTED", true,
                        p.exercise().getDue() == null ? "9999" : p.exercise().getDue().toString()));
            }
        }
        return items;
    }

    private static String href(Exercise e) {
        return "/courses/" + e.getCourseCode() + "/modules/" + e.getModuleNumber() + "/exercises/" + e.getSlug();
    }
}
