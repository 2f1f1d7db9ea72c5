package ar.aulas.certificates;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.AulasUser;
import ar.aulas.attendance.AttendanceStatus;
import ar.aulas.attendance.RollCall;
import ar.aulas.courses.CourseSync;
import ar.aulas.courses.Enrolments;
import ar.aulas.exercises.Grading;
import ar.aulas.exercises.Submission;
import ar.aulas.exercises.SubmissionWork;
import ar.aulas.support.CourseFolder;
import ar.aulas.support.Fixtures;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Fixture DSL for certificate tests: a course of {@code modules} past encounters, each with an individual
 * exercise, both certificates declared; people enrolled; attendance taken; exercises submitted and graded.
 */
public final class CertificateScenario {

    public final String code;
    private final Fixtures fixtures;
    private final Enrolments enrolments;
    private final RollCall rollCall;
    private final SubmissionWork work;
    private final Grading grading;
    private final UserDetailsService users;
    private final AulasUser trainer;
    final int modules;

    private final LocalDate afterTheLastEncounter;

    public CertificateScenario(Path root, int modules, Fixtures fixtures, CourseSync sync, Enrolments enrolments,
            RollCall rollCall, SubmissionWork work, Grading grading, UserDetailsService users) {
        this(root, modules, "individual", fixtures, sync, enrolments, rollCall, work, grading, users);
    }

    /** @param mode "individual" or "team" (each institution hands in one piece of work per exercise) */
    public CertificateScenario(Path root, int modules, String mode, Fixtures fixtures, CourseSync sync, Enrolments enrolments,
            RollCall rollCall, SubmissionWork work, Grading grading, UserDetailsService users) {
        this.code = "CER-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        this.modules = modules;
        this.fixtures = fixtures;
        this.enrolments = enrolments;
        this.rollCall = rollCall;
        this.work = work;
        this.grading = grading;
        this.users = users;
        CourseFolder course = CourseFolder.create(root, code.toLowerCase(), code);
        this.afterTheLastEncounter = LocalDate.now().plusDays(7L * modules + 1);
        var dmy = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        for (int m = 1; m <= modules; m++) {
            // encounters after today's enrolment, so every absence counts
            course.write("%02d-m%d/module.md".formatted(m, m), """
                    ---
                    number: %d
                    title: Encuentro número %d
                    date: %s
                    start: "09:00"
                    end: "13:00"
                    venue: Salón de prueba
                    release: 01/01/2020
                    exercises:
                      - slug: e%d
                        title: Ejercicio %d
                        instructions: Describan su institución.
                        opens: 01/01/2020 08:00
                        due: 31/12/2099 23:00
                        maxScore: 10
                        passMark: 6
                        mode: %s
                        submissionTypes: [text]
                    ---
                    Encuentro %d.
                    """.formatted(m, m, LocalDate.now().plusDays(7L * m).format(dmy), m, m, mode, m));
        }
        course.write("course.yml", """
                code: %s
                title: Gestión Metropolitana
                edition: "2026"
                startDate: 01/03/2026
                endDate: 30/06/2026
                totalHours: 24
                trainers:
                  - capacitadora@aulas.demo
                certificates:
                  attendance:
                    title: Certificado de asistencia
                    minAttendancePercent: 75
                  approval:
                    title: Certificado de aprobación
                    minAttendancePercent: 75
                    requireAllExercises: true
                """.formatted(code));
        sync.syncAll(root);
        this.trainer = (AulasUser) users.loadUserByUsername("capacitadora@aulas.demo");
    }

    public Account person(String name, String institution) {
        Account a = fixtures.participant().named(name).of(institution).create();
        enrolments.enrol(code, a.getId(), null);
        return a;
    }

    /**
     * Takes the roll of an encounter: everyone listed with their status. The encounters are after today's
     * enrolments, so the application's clock first moves to the day after the last one: attendance is
     * taken only once an encounter's day has come (the clock runs again after the test).
     */
    public CertificateScenario roll(int module, Map<String, AttendanceStatus> marks) {
        fixtures.clock().travelTo(afterTheLastEncounter);
        rollCall.save(trainer, code, module, marks, Map.of());
        return this;
    }

    public CertificateScenario allPresent(int module, List<Account> people) {
        Map<String, AttendanceStatus> marks = new HashMap<>();
        people.forEach(p -> marks.put(p.getId(), AttendanceStatus.PRESENT));
        return roll(module, marks);
    }

    /** The person submits the exercise of a module and the trainer grades it. */
    public CertificateScenario graded(Account person, int module, Submission.Verdict verdict) {
        AulasUser me = (AulasUser) users.loadUserByUsername(person.getEmail());
        Submission s = work.save(me, code, module, "e" + module,
                new SubmissionWork.Work("Trabajo del encuentro " + module, List.of(), Set.of(), true, UUID.randomUUID().toString()));
        grading.save(trainer, code, s.getId(), new Grading.GradeForm(s.getVersion(),
                verdict == Submission.Verdict.APPROVED ? "8" : "4", verdict, "Devolución"));
        return this;
    }

    public CertificateScenario submitted(Account person, int module) {
        AulasUser me = (AulasUser) users.loadUserByUsername(person.getEmail());
        work.save(me, code, module, "e" + module,
                new SubmissionWork.Work("Entrega", List.of(), Set.of(), true, UUID.randomUUID().toString()));
        return this;
    }

    public AulasUser user(String email) {
        return (AulasUser) users.loadUserByUsername(email);
    }
}
