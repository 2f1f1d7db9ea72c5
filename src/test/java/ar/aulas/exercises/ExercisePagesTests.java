package ar.aulas.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ar.aulas.accounts.Account;
import ar.aulas.courses.CourseSync;
import ar.aulas.courses.Enrolments;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.CourseFolder;
import ar.aulas.support.Fixtures;
import ar.aulas.support.Sessions;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** What the exercise pages tell people: the rubric before submitting, an overdue exercise, the grade history in words. */
@AulasIntegrationTest
class ExercisePagesTests {

    static final DateTimeFormatter F = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired CourseSync sync;
    @Autowired Enrolments enrolments;
    @Autowired SubmissionRepository submissions;

    @TempDir
    static Path root;

    String code;

    MockHttpSession enrolled() throws Exception {
        var person = fixtures.participant().of("MSAL");
        Account account = person.create();
        enrolments.enrol(code, account.getId(), null);
        return Sessions.login(mvc, person.email(), person.password());
    }

    String page(String url, MockHttpSession session) throws Exception {
        return mvc.perform(get(url).session(session)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void participantsSeeTheRubricBeforeSubmittingAndAnOverdueExerciseSaysItGoesInLate() throws Exception {
        code = "PAG-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        LocalDateTime due = LocalDateTime.now().minusDays(2).withSecond(0).withNano(0);
        CourseFolder.create(root, code.toLowerCase(), code)
                .moduleWithRubricExercise(1, "uno", "diagnostico", "individual", LocalDateTime.now().minusDays(9).format(F),
                        due.format(F));
        sync.syncAll(root);
        MockHttpSession ana = enrolled();
        String url = "/courses/" + code + "/modules/1/exercises/diagnostico";

        String exercise = page(url, ana);
        assertThat(exercise).contains("Cómo se califica", "Diagnóstico", "Completo (6 puntos)", "Incompleto (2 puntos)",
                "Mapa de actores", "Ausente (0 puntos)");
        assertThat(exercise).contains("Venció el " + due.format(F) + ": si entregás ahora, se entrega como tarde.");
        assertThat(page("/my/submissions", ana)).contains("Vencido: se entrega como tarde");

        mvc.perform(post(url).param("text", "Nuestro diagnóstico").param("action", "submit").param("token", "o1")
                .session(ana).with(csrf()));
        assertThat(page(url, ana)).doesNotContain("si entregás ahora");
        assertThat(page("/my/submissions", ana)).doesNotContain("Vencido: se entrega como tarde");
    }

    @Test
    void theGradeHistoryReadsInWordsAndSaveAndNextOnTheLastOneSaysNoneAreLeft() throws Exception {
        code = "PAG-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        CourseFolder.create(root, code.toLowerCase(), code)
                .moduleWithRubricExercise(1, "uno", "diagnostico", "individual", LocalDateTime.now().minusDays(1).format(F),
                        LocalDateTime.now().plusDays(9).format(F));
        sync.syncAll(root);
        MockHttpSession ana = enrolled();
        String url = "/courses/" + code + "/modules/1/exercises/diagnostico";
        mvc.perform(post(url).param("text", "Primera versión").param("action", "submit").param("token", "g1")
                .session(ana).with(csrf()));
        Submission s = submissions.findByExerciseId(code + "/1/diagnostico").get(0);
        MockHttpSession trainer = Sessions.demo(mvc, "capacitadora@aulas.demo");
        String grading = "/courses/" + code + "/grading/" + s.getId();
        mvc.perform(post(grading).param("version", String.valueOf(s.getVersion())).param("levels[0]", "1")
                .param("levels[1]", "1").param("verdict", "NEEDS_REVISION").param("feedback", "Falta el mapa")
                .session(trainer).with(csrf()));
        Submission revised = submissions.findById(s.getId()).orElseThrow();
        var done = mvc.perform(post(grading).param("version", String.valueOf(revised.getVersion())).param("levels[0]", "0")
                .param("levels[1]", "0").param("verdict", "APPROVED").param("feedback", "Muy bien").param("next", "1")
                .session(trainer).with(csrf())).andReturn();
        assertThat(done.getFlashMap().get("flash").toString()).contains("grade.savedNoneLeft");

        String page = page(grading, trainer);
        String history = page.substring(page.indexOf("id=\"history\""), page.indexOf("</ol>", page.indexOf("id=\"history\"")));
        assertThat(history).contains("de «Requiere revisión» a «Aprobado»",
                "de «Diagnóstico: Incompleto (2 puntos); Mapa de actores: Ausente (0 puntos)» a «Diagnóstico: Completo (6 puntos); "
                        + "Mapa de actores: Presente (4 puntos)»")
                .doesNotContain("NEEDS_REVISION", "[0, 0]", "[1, 1]");
    }
}
