package ar.aulas.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ar.aulas.accounts.Account;
import ar.aulas.courses.CourseSync;
import ar.aulas.courses.Enrolments;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.shared.mail.OutboxRepository;
import ar.aulas.shared.web.Flash;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.CourseFolder;
import ar.aulas.support.Fixtures;
import ar.aulas.support.SampleFiles;
import ar.aulas.support.Sessions;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

@AulasIntegrationTest
class ExtensionsArchiveAndNoticesTests {

    static final DateTimeFormatter F = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CourseSync sync;
    @Autowired
    Enrolments enrolments;
    @Autowired
    SubmissionRepository submissions;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    ExerciseRepository exercises;
    @Autowired
    InstitutionDirectory institutions;

    @TempDir
    static Path root;

    String code;
    String url;
    MockHttpSession trainer;

    @BeforeEach
    void anIndividualExerciseWhoseDueDatePassedYesterday() throws Exception {
        code = "EXT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        CourseFolder.create(root, code.toLowerCase(), code).moduleWithExercise(1, "inicio", "tarea", "individual",
                LocalDateTime.now().minusDays(10).format(F), LocalDateTime.now().minusDays(1).format(F));
        sync.syncAll(root);
        url = "/courses/" + code + "/modules/1/exercises/tarea";
        trainer = Sessions.demo(mvc, "capacitadora@aulas.demo");
    }

    private record Person(Account account, MockHttpSession session) {
    }

    private Person enrolled(String institution) throws Exception {
        var builder = fixtures.participant().of(institution);
        Account account = builder.create();
        enrolments.enrol(code, account.getId(), null);
        return new Person(account, Sessions.login(mvc, builder.email(), builder.password()));
    }

    private Submission submissionOf(Account account) {
        return submissions.findByExerciseId(code + "/1/tarea").stream()
                .filter(s -> account.getId().equals(s.getParticipantId())).findFirst().orElseThrow();
    }

    @Test
    void afterTheDueDateWorkIsMarkedLateUnlessThePersonHasAnExtension() throws Exception {
        Person late = enrolled("MSAL");
        Person extended = enrolled("MSAL");
        mvc.perform(post(url + "/extensions").param("ownerKey", "p:" + extended.account().getId())
                .param("until", LocalDateTime.now().plusDays(3).withNano(0).toString()).session(trainer).with(csrf()))
                .andExpect(status().is3xxRedirection());
        for (Person p : List.of(late, extended)) {
            mvc.perform(post(url).param("text", "Trabajo").param("action", "submit").param("token", UUID.randomUUID().toString())
                    .session(p.session()).with(csrf())).andExpect(status().is3xxRedirection());
        }
        assertThat(submissionOf(late.account()).isLate()).isTrue();
        assertThat(submissionOf(extended.account()).isLate()).isFalse();

        mvc.perform(post(url + "/extensions").param("ownerKey", "p:nadie").param("until", "2099-01-01T10:00")
                .session(trainer).with(csrf()));
        mvc.perform(post(url + "/extensions").param("ownerKey", "p:" + late.account().getId())
                .param("until", "2099-01-01T10:00").session(late.session()).with(csrf()))
                .andExpect(status().isNotFound());

        // the queue names who has an extension; the form listing everyone has its own page, for graders only
        var content = MockMvcResultMatchers.content();
        mvc.perform(get(url + "/submissions").session(trainer))
                .andExpect(content.string(Matchers.containsString(extended.account().getFullName() + ": hasta el")))
                .andExpect(content.string(Matchers.not(Matchers.containsString("name=\"ownerKey\""))));
        mvc.perform(get(url + "/extensions").session(trainer))
                .andExpect(content.string(Matchers.containsString("value=\"p:" + late.account().getId() + "\"")))
                .andExpect(content.string(Matchers.containsString(extended.account().getFullName() + ": hasta el")));
        mvc.perform(get(url + "/extensions").session(late.session())).andExpect(status().isNotFound());
    }

    /**
     * "Todos" in the grading queue is everyone expected to submit: those who have not (or only saved a draft) are
     * listed as No entregado, and the trainer writes to them, and only to them, from the queue.
     */
    @Test
    void theQueueListsThoseWhoHaveNotSubmittedAndTheTrainerWritesToThem() throws Exception {
        Person done = enrolled("MSAL");
        Person drafted = enrolled("MSAL");
        Person nothing = enrolled("MSLO");
        mvc.perform(post(url).param("text", "Trabajo").param("action", "submit").param("token", UUID.randomUUID().toString())
                .session(done.session()).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post(url).param("text", "A medias").param("action", "draft").param("token", UUID.randomUUID().toString())
                .session(drafted.session()).with(csrf())).andExpect(status().is3xxRedirection());

        String page = mvc.perform(get(url + "/submissions").session(trainer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        var rows = Jsoup.parse(page).select("tr.not-submitted");
        assertThat(rows.eachText()).hasSize(2).anySatisfy(t -> assertThat(t).contains(drafted.account().getFullName(),
                "No entregado", "tiene un borrador guardado")).anySatisfy(t -> assertThat(t)
                .contains(nothing.account().getFullName(), "Municipalidad de San Lorenzo", "No entregado"));
        assertThat(rows.text()).doesNotContain(done.account().getFullName());
        assertThat(page).contains("2 sin entregar");
        String msalo = institutions.findByCode("MSLO").orElseThrow().getId();
        assertThat(Jsoup.parse(mvc.perform(get(url + "/submissions").param("institution", msalo).session(trainer))
                .andReturn().getResponse().getContentAsString()).select("tr.not-submitted").eachText())
                .singleElement().satisfies(t -> assertThat(t).contains(nothing.account().getFullName()));

        long before = outbox.count();
        var refused = mvc.perform(post(url + "/remind").param("message", "").session(trainer).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("flash");
        assertThat(((Flash.Message) refused).key()).isEqualTo("reminder.message.required");
        assertThat(outbox.count()).isEqualTo(before);
        mvc.perform(post(url + "/remind").param("message", "Falta tu diagnóstico; lo esperamos esta semana.")
                        .session(done.session()).with(csrf())).andExpect(status().isNotFound());
        var done2 = (Flash.Message) mvc.perform(post(url + "/remind")
                .param("message", "Falta tu diagnóstico; lo esperamos esta semana.").session(trainer).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("flash");
        assertThat(done2.key()).isEqualTo("reminder.sent");
        assertThat(done2.args()).containsExactly(2);
        var sent = outbox.findAll().stream().filter(m -> m.getSubject().equals("Aulas: recordatorio de «Ejercicio tarea»"))
                .filter(m -> m.getBody().contains("Falta tu diagnóstico")).toList();
        assertThat(sent).extracting(m -> m.getTo()).containsExactlyInAnyOrder(drafted.account().getEmail(),
                nothing.account().getEmail());
        assertThat(sent.get(0).getBody()).contains("/courses/" + code + "/modules/1/exercises/tarea", "Lucía Fernández Cornejo");
    }

    /**
     * Two graders at once: the one who saved second sees both versions whole (score, rubric levels by name, the
     * feedback rendered) and re-applies their own with one button, without copying anything by hand.
     */
    @Test
    void aGradingConflictShowsBothVersionsWholeAndReappliesTheTrainersOwn() throws Exception {
        String rubricCode = "CNF-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        CourseFolder.create(root, rubricCode.toLowerCase(), rubricCode).moduleWithRubricExercise(1, "inicio", "diag", "individual",
                LocalDateTime.now().minusDays(10).format(F), LocalDateTime.now().plusDays(10).format(F));
        sync.syncAll(root);
        var builder = fixtures.participant().of("MSAL");
        Account ana = builder.create();
        enrolments.enrol(rubricCode, ana.getId(), null);
        var anaSession = Sessions.login(mvc, builder.email(), builder.password());
        String exercise = "/courses/" + rubricCode + "/modules/1/exercises/diag";
        mvc.perform(post(exercise).param("text", "Trabajo").param("action", "submit").param("token", "c1")
                .session(anaSession).with(csrf())).andExpect(status().is3xxRedirection());
        Submission s = submissions.findByExerciseId(rubricCode + "/1/diag").get(0);
        String grading = "/courses/" + rubricCode + "/grading/" + s.getId();
        var admin = Sessions.demo(mvc, "admin@aulas.demo");
        mvc.perform(post(grading).param("version", String.valueOf(s.getVersion())).param("levels[0]", "1")
                .param("levels[1]", "1").param("verdict", "NEEDS_REVISION").param("feedback", "Falta casi todo.")
                .session(admin).with(csrf())).andExpect(status().is3xxRedirection());

        String page = mvc.perform(post(grading).param("version", String.valueOf(s.getVersion())).param("levels[0]", "0")
                .param("levels[1]", "0").param("verdict", "APPROVED").param("feedback", "Muy **completo**, con el mapa.")
                .session(trainer).with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var doc = Jsoup.parse(page);
        assertThat(doc.select("#conflict-theirs").text()).contains("Requiere revisión", "2 de 10",
                "Diagnóstico: Incompleto (2 puntos)", "Mapa de actores: Ausente (0 puntos)", "Falta casi todo.");
        assertThat(doc.select("#conflict-yours").text()).contains("Aprobado", "10 de 10",
                "Diagnóstico: Completo (6 puntos)", "Mapa de actores: Presente (4 puntos)");
        assertThat(doc.select("#conflict-yours strong").text()).as("the feedback rendered").isEqualTo("Aprobado completo");

        var reapply = doc.selectFirst("#conflict-yours form");
        var request = post(reapply.attr("action")).session(trainer).with(csrf());
        for (var input : reapply.select("input[type=hidden]")) {
            if (!input.attr("name").equals("_csrf")) {
                request.param(input.attr("name"), input.attr("value"));
            }
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
        Submission.Grade kept = submissions.findById(s.getId()).orElseThrow().lastGrade();
        assertThat(kept.verdict()).isEqualTo(Submission.Verdict.APPROVED);
        assertThat(kept.levels()).containsExactly(0, 0);
        assertThat(kept.score()).isEqualByComparingTo("10");
        assertThat(kept.feedbackMarkdown()).isEqualTo("Muy **completo**, con el mapa.");
    }

    @Test
    void gradingSendsTheParticipantANoticeInTheOutbox() throws Exception {
        Person ana = enrolled("MCER");
        mvc.perform(post(url).param("text", "x").param("action", "submit").param("token", "n1").session(ana.session())
                .with(csrf()));
        Submission s = submissionOf(ana.account());
        mvc.perform(post("/courses/" + code + "/grading/" + s.getId()).param("version", String.valueOf(s.getVersion()))
                .param("score", "4").param("verdict", "NEEDS_REVISION").param("feedback", "Revisar")
                .session(trainer).with(csrf()));
        assertThat(outbox.findAll()).anySatisfy(m -> {
            assertThat(m.getTo()).isEqualTo(ana.account().getEmail());
            assertThat(m.getSubject()).contains("requiere revisión");
            assertThat(m.getBody()).contains("/courses/" + code + "/modules/1/exercises/tarea");
        });
    }

    @Test
    void aFeedbackFileReachesTheParticipantOnlyOnceTheGradeIsVisible() throws Exception {
        Person ana = enrolled("MSAL");
        mvc.perform(post(url).param("text", "x").param("action", "submit").param("token", "fb1").session(ana.session())
                .with(csrf()));
        Submission s = submissionOf(ana.account());
        var exercise = exercises.findById(code + "/1/tarea").orElseThrow();
        exercise.settings(false, 5, 10);
        exercises.save(exercise);
        var disguised = new MockMultipartFile("files", "devolucion.pdf", "application/pdf", SampleFiles.pdfWithHtml());
        mvc.perform(multipart("/courses/" + code + "/grading/" + s.getId()).file(disguised)
                .param("version", String.valueOf(s.getVersion())).param("score", "8").param("verdict", "APPROVED")
                .session(trainer).with(csrf())).andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.content().string(Matchers.containsString("no corresponde a un PDF")));
        assertThat(submissions.findById(s.getId()).orElseThrow().getStatus()).as("nothing half-stored")
                .isEqualTo(Submission.Status.SUBMITTED);
        var feedback = new MockMultipartFile("files", "devolucion.pdf", "application/pdf", CourseFolder.tinyPdf("f"));
        mvc.perform(multipart("/courses/" + code + "/grading/" + s.getId()).file(feedback)
                .param("version", String.valueOf(s.getVersion())).param("score", "8").param("verdict", "APPROVED")
                .session(trainer).with(csrf())).andExpect(status().is3xxRedirection());
        Submission graded = submissions.findById(s.getId()).orElseThrow();
        String fileUrl = "/courses/" + code + "/submissions/" + s.getId() + "/files/"
                + graded.lastGrade().files().get(0).fileId();
        mvc.perform(get(fileUrl).session(trainer)).andExpect(status().isOk());
        mvc.perform(get(fileUrl).session(ana.session())).andExpect(status().isNotFound());

        mvc.perform(post(url + "/release").session(trainer).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get(fileUrl).session(ana.session())).andExpect(status().isOk());
        mvc.perform(get(url).session(ana.session()))
                .andExpect(MockMvcResultMatchers.content()
                        .string(Matchers.containsString("devolucion.pdf")));
    }

    @Autowired
    TrainerDigest digest;

    @Test
    void theDailyDigestTellsTrainersAboutTheLastDaysSubmissions() throws Exception {
        Person ana = enrolled("MVAQ");
        mvc.perform(post(url).param("text", "x").param("action", "submit").param("token", "dg1").session(ana.session())
                .with(csrf()));
        long before = outbox.count();
        assertThat(digest.send()).isPositive();
        assertThat(outbox.count()).isGreaterThan(before);
        assertThat(outbox.findAll()).anySatisfy(m -> {
            assertThat(m.getTo()).isEqualTo("capacitadora@aulas.demo");
            assertThat(m.getSubject()).contains("Curso de prueba " + code);
            assertThat(m.getBody()).contains("Ejercicio tarea: 1 entrega");
        });
    }

    @Test
    void theTrainerDownloadsEverySubmissionAsAZipLaidOutByInstitutionAndPerson() throws Exception {
        Person ana = enrolled("MLME");
        var pdf = new MockMultipartFile("files", "informe.pdf", "application/pdf", CourseFolder.tinyPdf("i"));
        mvc.perform(multipart(url).file(pdf).param("text", "Texto de Ana").param("action", "submit").param("token", "z1")
                .session(ana.session()).with(csrf()));

        MvcResult async = mvc.perform(get(url + "/submissions.zip").session(trainer))
                .andExpect(request().asyncStarted()).andReturn();
        byte[] zip = mvc.perform(MockMvcRequestBuilders.asyncDispatch(async)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        String folder = "Municipalidad de La Merced/" + ana.account().getFullName() + "/intento-1/";
        assertThat(names).contains(folder + "texto.txt", folder + "informe.pdf");
        mvc.perform(get(url + "/submissions.zip").session(ana.session())).andExpect(status().isNotFound());
    }
}
