package ar.aulas.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.Role;
import ar.aulas.courses.CourseSync;
import ar.aulas.courses.Enrolments;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.CourseFolder;
import ar.aulas.support.Fixtures;
import ar.aulas.support.SampleFiles;
import ar.aulas.support.Sessions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@AulasIntegrationTest
class SubmissionAndGradingTests {

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
    SubmissionWork work;
    @Autowired
    Grading grading;
    @Autowired
    SubmissionRepository submissions;
    @Autowired
    UserDetailsService users;

    @TempDir
    static Path root;

    String code;
    String teamUrl;
    String soloUrl;
    MockHttpSession trainer;

    @BeforeEach
    void aCourseWithAnOpenTeamExerciseAndAnOpenIndividualOne() throws Exception {
        code = "EXE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String opens = LocalDateTime.now().minusDays(1).format(F);
        String due = LocalDateTime.now().plusDays(30).format(F);
        CourseFolder.create(root, code.toLowerCase(), code)
                .moduleWithExercise(1, "equipo", "diagnostico", "team", opens, due)
                .moduleWithExercise(2, "individual", "reflexion", "individual", opens, due);
        sync.syncAll(root);
        teamUrl = "/courses/" + code + "/modules/1/exercises/diagnostico";
        soloUrl = "/courses/" + code + "/modules/2/exercises/reflexion";
        trainer = Sessions.demo(mvc, "capacitadora@aulas.demo");
    }

    private MockHttpSession enrolled(String institution) throws Exception {
        var person = fixtures.participant().of(institution);
        Account account = person.create();
        enrolments.enrol(code, account.getId(), null);
        return Sessions.login(mvc, person.email(), person.password());
    }

    private AulasUser user(Account account) {
        return (AulasUser) users.loadUserByUsername(account.getEmail());
    }

    @Test
    void aTeamSubmissionIsSharedByTheInstitutionAndShowsWhoDidWhat() throws Exception {
        MockHttpSession ana = enrolled("MCER");
        MockHttpSession beto = enrolled("MCER");
        var pdf = new MockMultipartFile("files", "diagnostico.pdf", "application/pdf", CourseFolder.tinyPdf("d"));
        mvc.perform(multipart(teamUrl).file(pdf).param("text", "Primer borrador").param("action", "draft")
                .param("token", "t-ana").session(ana).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post(teamUrl).param("text", "Versión final del equipo").param("action", "submit")
                .param("token", "t-beto").session(beto).with(csrf())).andExpect(status().is3xxRedirection());

        mvc.perform(get(teamUrl).session(ana))
                .andExpect(content().string(containsString("Versión final del equipo")))
                .andExpect(content().string(containsString("Quién hizo qué")))
                .andExpect(content().string(containsString(" entregó el ")))
                .andExpect(content().string(containsString("diagnostico.pdf")));
        List<Submission> all = submissions.findByExerciseId(code + "/1/diagnostico");
        assertThat(all).hasSize(1);
        assertThat(all.get(0).current().getContributions()).extracting(Submission.Contribution::action)
                .containsExactly("draft", "submit");
        assertThat(all.get(0).getParticipantId()).isNull();
    }

    @Test
    void aDoubleClickWithTheSameTokenCreatesOneSubmissionWithTheSameReceipt() throws Exception {
        MockHttpSession ana = enrolled("MLME");
        for (int i = 0; i < 2; i++) {
            mvc.perform(post(soloUrl).param("text", "Mi reflexión").param("action", "submit").param("token", "same")
                    .session(ana).with(csrf())).andExpect(status().is3xxRedirection());
        }
        List<Submission> all = submissions.findByExerciseId(code + "/2/reflexion");
        assertThat(all).hasSize(1);
        assertThat(all.get(0).getAttempts()).hasSize(1);
        assertThat(all.get(0).current().getContributions()).hasSize(1);
    }

    @Test
    void badSubmissionsGetTheirOwnMessageAndStoreNothing() throws Exception {
        MockHttpSession ana = enrolled("MVAQ");
        mvc.perform(post(soloUrl).param("text", "  ").param("action", "submit").param("token", "x1").session(ana)
                .with(csrf())).andExpect(content().string(containsString("La entrega está vacía")));
        byte[] exe = {'M', 'Z', 0, 0};
        mvc.perform(multipart(soloUrl).file(new MockMultipartFile("files", "trabajo.pdf", "application/pdf", exe))
                .param("action", "submit").param("token", "x2").session(ana).with(csrf()))
                .andExpect(content().string(containsString("no corresponde a un PDF")));
        mvc.perform(multipart(soloUrl).file(new MockMultipartFile("files", "informe.docx", "application/zip",
                        SampleFiles.zipWithProgram())).param("action", "submit").param("token", "x2b").session(ana).with(csrf()))
                .andExpect(content().string(containsString("no corresponde a un DOCX")));
        mvc.perform(multipart(soloUrl).file(new MockMultipartFile("files", "foto.png", "image/png", SampleFiles.pngWithHtml()))
                        .param("action", "submit").param("token", "x2c").session(ana).with(csrf()))
                .andExpect(content().string(containsString("no corresponde a un PNG")));
        mvc.perform(post("/courses/AGC-2026/modules/1/exercises/mapa-de-actores").param("text", "x")
                .param("action", "submit").param("token", "x3").session(ana).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(submissions.findByExerciseId(code + "/2/reflexion")).isEmpty();
    }

    @Test
    void mySubmissionsListsEveryOpenExerciseWithItsStatus() throws Exception {
        MockHttpSession ana = enrolled("MSAL");
        mvc.perform(post(soloUrl).param("text", "Trabajo").param("action", "submit").param("token", "m1")
                .session(ana).with(csrf()));
        String page = mvc.perform(get("/my/submissions").session(ana)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("Ejercicio reflexion", "Ejercicio diagnostico", "Entregado", "Sin empezar");
    }

    @Test
    void theCourseQueueListsSubmissionsOfEveryExerciseWithFilters() throws Exception {
        MockHttpSession ana = enrolled("MCER");
        mvc.perform(post(soloUrl).param("text", "x").param("action", "submit").param("token", "q1").session(ana)
                .with(csrf()));
        mvc.perform(post(teamUrl).param("text", "y").param("action", "draft").param("token", "q2").session(ana)
                .with(csrf()));
        String all = mvc.perform(get("/courses/" + code + "/submissions").session(trainer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(all).contains("Ejercicio reflexion", "Ejercicio diagnostico", "Entregado: 1", "Borrador: 1");
        String submitted = mvc.perform(get("/courses/" + code + "/submissions").param("status", "SUBMITTED")
                .session(trainer)).andReturn().getResponse().getContentAsString();
        assertThat(submitted).contains("Encuentro 2 · Ejercicio reflexion").doesNotContain("Encuentro 1 · Ejercicio diagnostico");
        mvc.perform(get("/courses/" + code + "/submissions").session(ana)).andExpect(status().isNotFound());
    }

    @Test
    void theTrainersOverviewCountsWhatWaitsForAGradeAcrossCourses() throws Exception {
        MockHttpSession ana = enrolled("MSAL");
        mvc.perform(post(soloUrl).param("text", "x").param("action", "submit").param("token", "o1").session(ana)
                .with(csrf()));
        String page = mvc.perform(get("/grading").session(trainer)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("Curso de prueba " + code, "Ejercicio reflexion");
        mvc.perform(get("/grading").session(ana)).andExpect(content().string(not(containsString(code))));
    }

    @Test
    void aParticipantPostingAScoreStatusOrOwnerChangesNothing() throws Exception {
        MockHttpSession ana = enrolled("MLCA");
        mvc.perform(post(soloUrl).param("text", "Trabajo").param("action", "submit").param("token", "p1")
                .param("score", "10").param("status", "GRADED").param("participantId", "otro")
                .param("verdict", "APPROVED").session(ana).with(csrf())).andExpect(status().is3xxRedirection());
        Submission s = submissions.findByExerciseId(code + "/2/reflexion").get(0);
        assertThat(s.getStatus()).isEqualTo(Submission.Status.SUBMITTED);
        assertThat(s.lastGrade()).isNull();
        assertThat(s.getParticipantId()).isNotEqualTo("otro");
        mvc.perform(post("/courses/" + code + "/grading/" + s.getId()).param("version", String.valueOf(s.getVersion()))
                .param("score", "10").param("verdict", "APPROVED").session(ana).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(submissions.findById(s.getId()).orElseThrow().lastGrade()).isNull();
    }

    @Test
    void aReplacedOrRemovedFileLeavesTheWorkAndTheStorage() throws Exception {
        MockHttpSession ana = enrolled("MCQU");
        mvc.perform(multipart(soloUrl).file(new MockMultipartFile("files", "primera.pdf", "application/pdf",
                CourseFolder.tinyPdf("1"))).param("action", "draft").param("token", "r1").session(ana).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String first = submissions.findByExerciseId(code + "/2/reflexion").get(0).current().getFiles().get(0).fileId();
        mvc.perform(get(soloUrl).session(ana)).andExpect(content().string(containsString("name=\"replaceFiles\"")));

        mvc.perform(multipart(soloUrl).file(new MockMultipartFile("files", "segunda.pdf", "application/pdf",
                CourseFolder.tinyPdf("2"))).param("replaceFiles", "true").param("action", "draft").param("token", "r2")
                .session(ana).with(csrf())).andExpect(status().is3xxRedirection());
        Submission replaced = submissions.findByExerciseId(code + "/2/reflexion").get(0);
        assertThat(replaced.current().getFiles()).extracting(Submission.StoredFile::name).containsExactly("segunda.pdf");
        assertThat(storedFile(first)).isFalse();
        String second = replaced.current().getFiles().get(0).fileId();
        assertThat(storedFile(second)).isTrue();

        mvc.perform(multipart(soloUrl).param("removeFileIds", second).param("text", "Sin adjuntos").param("action", "submit")
                .param("token", "r3").session(ana).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(submissions.findByExerciseId(code + "/2/reflexion").get(0).current().getFiles()).isEmpty();
        assertThat(storedFile(second)).isFalse();
    }

    @Autowired
    MongoTemplate mongo;

    private boolean storedFile(String fileId) {
        return mongo.getCollection("fs.files").countDocuments(new Document("_id", new ObjectId(fileId))) == 1;
    }

    @Test
    void othersSubmissionsAndTheirFilesAreNotFound() throws Exception {
        MockHttpSession ana = enrolled("MCQU");
        MockHttpSession beto = enrolled("MRLE");
        var pdf = new MockMultipartFile("files", "mio.pdf", "application/pdf", CourseFolder.tinyPdf("m"));
        mvc.perform(multipart(soloUrl).file(pdf).param("action", "submit").param("token", "f1").session(ana)
                .with(csrf()));
        Submission s = submissions.findByExerciseId(code + "/2/reflexion").get(0);
        String file = "/courses/" + code + "/submissions/" + s.getId() + "/files/" + s.current().getFiles().get(0).fileId();
        mvc.perform(get(file).session(ana)).andExpect(status().isOk());
        mvc.perform(get(file).session(trainer)).andExpect(status().isOk());
        mvc.perform(get(file).session(beto)).andExpect(status().isNotFound());
        mvc.perform(get(soloUrl).session(beto)).andExpect(content().string(not(containsString("mio.pdf"))));
        mvc.perform(get("/courses/" + code + "/grading/" + s.getId()).session(beto)).andExpect(status().isNotFound());
        MockHttpSession sanLorenzo = Sessions.demo(mvc, "coordinacion.sanlorenzo@aulas.demo");
        mvc.perform(get(file).session(sanLorenzo)).andExpect(status().isNotFound());
    }

    @Test
    void aTrainerOfAnotherCourseCannotGrade() throws Exception {
        MockHttpSession ana = enrolled("MSAL");
        mvc.perform(post(soloUrl).param("text", "x").param("action", "submit").param("token", "g1").session(ana)
                .with(csrf()));
        Submission s = submissions.findByExerciseId(code + "/2/reflexion").get(0);
        var other = fixtures.account(Role.TRAINER).of("MEM");
        other.create();
        MockHttpSession stranger = Sessions.login(mvc, other.email(), other.password());
        mvc.perform(get("/courses/" + code + "/grading/" + s.getId()).session(stranger)).andExpect(status().isNotFound());
        mvc.perform(get(soloUrl + "/submissions").session(stranger)).andExpect(status().isNotFound());
    }

    @Test
    void fiftyConcurrentSubmissionsAreEachStoredOnceAndOfTwentyConcurrentGradeSavesExactlyOneWins() throws Exception {
        List<Account> people = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Account a = fixtures.participant().of(i % 2 == 0 ? "MSAL" : "MSLO").create();
            enrolments.enrol(code, a.getId(), null);
            people.add(a);
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Submission>> results = new ArrayList<>();
        long t0 = System.nanoTime();
        for (Account a : people) {
            results.add(pool.submit(() -> {
                start.await();
                return work.save(user(a), code, 2, "reflexion",
                        new SubmissionWork.Work("Reflexión de " + a.getFullName(), List.of(), Set.of(), true, "tok-" + a.getId()));
            }));
        }
        start.countDown();
        for (Future<Submission> f : results) {
            assertThat(f.get().getStatus()).isEqualTo(Submission.Status.SUBMITTED);
        }
        long submitMs = (System.nanoTime() - t0) / 1_000_000;
        List<Submission> stored = submissions.findByExerciseId(code + "/2/reflexion");
        assertThat(stored).hasSize(50);
        assertThat(stored).extracting(Submission::getParticipantId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(people.stream().map(Account::getId).toList());

        Submission target = stored.get(0);
        AulasUser grader = (AulasUser) users.loadUserByUsername("capacitadora@aulas.demo");
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger wins = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        List<Future<?>> saves = new ArrayList<>();
        t0 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            int score = i % 10 + 1;
            saves.add(pool.submit(() -> {
                go.await();
                var outcome = grading.save(grader, code, target.getId(), new Grading.GradeForm(target.getVersion(),
                        String.valueOf(score), Submission.Verdict.APPROVED, "Nota " + score));
                (outcome instanceof Grading.Saved ? wins : conflicts).incrementAndGet();
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : saves) {
            f.get();
        }
        long gradeMs = (System.nanoTime() - t0) / 1_000_000;
        pool.shutdown();
        assertThat(wins.get()).isEqualTo(1);
        assertThat(conflicts.get()).isEqualTo(19);
        Submission graded = submissions.findById(target.getId()).orElseThrow();
        assertThat(graded.getHistory()).extracting(Submission.Change::field).containsExactly("score", "verdict", "feedback");
        assertThat(graded.getVersion()).isEqualTo(target.getVersion() + 1);
        System.out.printf("concurrency: 50 concurrent submissions stored once each in %d ms; 20 concurrent grade saves:"
                + " %d won, %d conflicts, in %d ms%n", submitMs, wins.get(), conflicts.get(), gradeMs);
    }

    @Test
    void aStaleGradeSaveShowsTheConflictPageAndOverwritesNothing() throws Exception {
        MockHttpSession ana = enrolled("MSAL");
        mvc.perform(post(soloUrl).param("text", "x").param("action", "submit").param("token", "c1").session(ana)
                .with(csrf()));
        Submission s = submissions.findByExerciseId(code + "/2/reflexion").get(0);
        String url = "/courses/" + code + "/grading/" + s.getId();
        mvc.perform(post(url).param("version", String.valueOf(s.getVersion())).param("score", "8")
                .param("verdict", "APPROVED").param("feedback", "Muy bien").session(trainer).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(url).param("version", String.valueOf(s.getVersion())).param("score", "3")
                .param("verdict", "NOT_APPROVED").param("feedback", "Mal").session(trainer).with(csrf()))
                .andExpect(content().string(containsString("Otra persona cambió esta nota")))
                .andExpect(content().string(containsString("Muy bien")));
        Submission after = submissions.findById(s.getId()).orElseThrow();
        assertThat(after.lastGrade().score()).isEqualByComparingTo("8");
        mvc.perform(post(url).param("version", String.valueOf(after.getVersion())).param("score", "11")
                .param("verdict", "APPROVED").session(trainer).with(csrf()))
                .andExpect(content().string(containsString("El puntaje debe estar entre 0 y 10.")));
    }

    @Test
    void theGradebookShowsAndExportsGradesWithFormulasNeutralised() throws Exception {
        var person = fixtures.participant().of("MSAL");
        Account account = person.create();
        // as a name stored before every path checked names: exports must still neutralise it
        mongo.updateFirst(Query.query(Criteria.where("_id").is(account.getId())), new Update().set("fullName", "=HYPERLINK(\"http://x\",\"y\")"),
                Account.class);
        enrolments.enrol(code, account.getId(), null);
        work.save(user(account), code, 2, "reflexion", new SubmissionWork.Work("x", List.of(), Set.of(), true, "gb"));
        Submission s = submissions.findByExerciseId(code + "/2/reflexion").get(0);
        AulasUser grader = (AulasUser) users.loadUserByUsername("capacitadora@aulas.demo");
        grading.save(grader, code, s.getId(), new Grading.GradeForm(s.getVersion(), "9", Submission.Verdict.APPROVED, ""));

        mvc.perform(get("/courses/" + code + "/gradebook").session(trainer))
                .andExpect(content().string(containsString("Calificado")));
        byte[] csv = mvc.perform(get("/courses/" + code + "/gradebook.csv").session(trainer)).andReturn()
                .getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFInstitución;Nombre completo;DNI;");
        assertThat(text).contains("'=HYPERLINK").contains(";9;");

        byte[] xlsx = mvc.perform(get("/courses/" + code + "/gradebook.xlsx").session(trainer)).andReturn()
                .getResponse().getContentAsByteArray();
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = book.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Institución");
            Row line = rows.stream().filter(r -> r.getCellText(1).contains("HYPERLINK")).findFirst().orElseThrow();
            assertThat(line.getCellText(1)).startsWith("'=");
            assertThat(line.getCellText(0)).isEqualTo("Municipalidad de Salta");
        }
        MockHttpSession participant = Sessions.login(mvc, person.email(), person.password());
        mvc.perform(get("/courses/" + code + "/gradebook").session(participant)).andExpect(status().isNotFound());
    }
}
