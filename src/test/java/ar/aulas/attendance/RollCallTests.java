package ar.aulas.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.AulasUser;
import ar.aulas.courses.CourseSync;
import ar.aulas.courses.Enrolments;
import ar.aulas.shared.Salta;
import ar.aulas.shared.web.Flash;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.CourseFolder;
import ar.aulas.support.Fixtures;
import ar.aulas.support.Sessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@AulasIntegrationTest
class RollCallTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CourseSync sync;
    @Autowired
    Enrolments enrolments;
    @Autowired
    AttendanceRecordRepository records;
    @Autowired
    RollCall rollCall;
    @Autowired
    UserDetailsService users;

    @TempDir
    static Path root;

    String code;
    String url;
    MockHttpSession trainer;

    @BeforeEach
    void aCourseWithOneEncounter() throws Exception {
        code = "ATT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        CourseFolder.create(root, code.toLowerCase(), code).module(1, "inicio", "Inicio");
        sync.syncAll(root);
        url = "/courses/" + code + "/modules/1/attendance";
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

    @Test
    void theTrainerTakesTheRollGroupedByInstitutionAndTheParticipantSeesTheirMark() throws Exception {
        Person ana = enrolled("MSAL");
        Person beto = enrolled("MSLO");
        mvc.perform(get(url).session(trainer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Municipalidad de Salta")))
                .andExpect(content().string(containsString("Municipalidad de San Lorenzo")));
        mvc.perform(get("/courses/" + code + "/modules/1").session(ana.session()))
                .andExpect(content().string(containsString("Todavía no se tomó")));

        mvc.perform(post(url).session(trainer).with(csrf()).param("status[" + ana.account().getId() + "]", "PRESENT")
                .param("status[" + beto.account().getId() + "]", "EXCUSED")
                .param("reason[" + beto.account().getId() + "]", "Licencia médica"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/courses/" + code + "/modules/1").session(ana.session()))
                .andExpect(content().string(containsString("Presente")));
        mvc.perform(get("/courses/" + code).session(ana.session()))
                .andExpect(content().string(containsString("Tu asistencia: 100 % de 1 encuentro que cuenta.")))
                .andExpect(content().string(containsString("Asistencia: Presente")));
        mvc.perform(get("/courses/" + code).session(beto.session()))
                .andExpect(content().string(containsString("todavía no hay encuentros que cuenten para vos")))
                .andExpect(content().string(containsString("Asistencia: Ausente justificado")));
        AttendanceRecord excused = records.findById(code + "/1/1|" + beto.account().getId()).orElseThrow();
        assertThat(excused.getStatus()).isEqualTo(AttendanceStatus.EXCUSED);
        assertThat(excused.getReason()).isEqualTo("Licencia médica");
    }

    @Test
    void aCoursesOwnWeightsChangeTheRateParticipantsSee() throws Exception {
        String weighted = code + "-W";
        var folder = CourseFolder.create(root, weighted.toLowerCase(), weighted);
        folder.write("course.yml", Files.readString(folder.dir().resolve("course.yml"))
                + "attendance:\n  weights:\n    LATE: 0.5\n");
        folder.moduleOn(1, "uno", LocalDate.now().plusDays(3)
                .format(DateTimeFormatter.ofPattern("dd/MM/yyyy")), "09:00", "13:00");
        sync.syncAll(root);
        var builder = fixtures.participant();
        Account account = builder.create();
        enrolments.enrol(weighted, account.getId(), null);
        AulasUser me = (AulasUser) users.loadUserByUsername("capacitadora@aulas.demo");
        fixtures.clock().travelTo(LocalDate.now().plusDays(3));
        rollCall.save(me, weighted, 1, Map.of(account.getId(), AttendanceStatus.LATE), Map.of());
        MockHttpSession session = Sessions.login(mvc, builder.email(), builder.password());
        mvc.perform(get("/courses/" + weighted).session(session))
                .andExpect(content().string(containsString("Tu asistencia: 50 % de 1 encuentro que cuenta.")));
    }

    @Test
    void aTrainerAddsASecondSessionTakesItsRollAndSyncsDoNotMoveIt() throws Exception {
        Person ana = enrolled("MSAL");
        mvc.perform(post(url + "/sessions").session(trainer).with(csrf()).param("date", "2026-03-11")
                .param("start", "14:00").param("end", "12:00").param("venue", "Sala 2"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(url + "/sessions").session(trainer).with(csrf()).param("date", "2026-03-11")
                .param("start", "14:00").param("end", "17:00").param("venue", "Sala 2"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(url).param("session", "2").session(trainer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Sesión 2 · 11/03/2026")))
                .andExpect(content().string(containsString("Sala 2")));
        mvc.perform(post(url).param("session", "2").session(trainer).with(csrf())
                .param("status[" + ana.account().getId() + "]", "LATE")).andExpect(status().is3xxRedirection());
        assertThat(records.findById(code + "/1/2|" + ana.account().getId()).orElseThrow().getStatus())
                .isEqualTo(AttendanceStatus.LATE);
        sync.syncAll(root);
        mvc.perform(get(url).param("session", "2").session(trainer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Sala 2")));
        mvc.perform(get(url).param("session", "3").session(trainer)).andExpect(status().isNotFound());
    }

    @Test
    void savingTheSameMarksAgainChangesNothingAndEditsAreKeptAsHistory() throws Exception {
        Person ana = enrolled("MCER");
        AulasUser me = (AulasUser) users.loadUserByUsername("capacitadora@aulas.demo");
        String id = ana.account().getId();
        assertThat(rollCall.save(me, code, 1, Map.of(id, AttendanceStatus.PRESENT), Map.of())).isEqualTo(1);
        assertThat(rollCall.save(me, code, 1, Map.of(id, AttendanceStatus.PRESENT), Map.of())).isZero();
        assertThat(rollCall.save(me, code, 1, Map.of(id, AttendanceStatus.LATE), Map.of())).isEqualTo(1);
        AttendanceRecord record = records.findById(code + "/1/1|" + id).orElseThrow();
        assertThat(record.getHistory()).extracting(AttendanceRecord.Change::to)
                .containsExactly(AttendanceStatus.PRESENT, AttendanceStatus.LATE);
        assertThat(record.getHistory().get(1).from()).isEqualTo(AttendanceStatus.PRESENT);
    }

    @Test
    void attendanceForAnEncounterWhoseDayHasNotComeIsRefusedNamingTheDateUntilItIsMoved() throws Exception {
        String future = code + "-F";
        var day = LocalDate.now(Salta.ZONE).plusDays(9);
        var dmy = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        CourseFolder.create(root, future.toLowerCase(), future).moduleOn(1, "uno", day.format(dmy), "09:00", "13:00");
        sync.syncAll(root);
        var builder = fixtures.participant();
        Account ana = builder.create();
        enrolments.enrol(future, ana.getId(), null);
        String page = "/courses/" + future + "/modules/1/attendance";

        assertThat(mvc.perform(get(page).session(trainer)).andReturn().getResponse().getContentAsString())
                .contains("El encuentro 1 es el " + day.format(dmy) + ": la asistencia se toma ese día o después")
                .doesNotContain("Todos presentes");
        for (var refused : List.of(post(page).param("status[" + ana.getId() + "]", "PRESENT"),
                post(page + "/all-present").param("confirmed", "true"), post(page + "/check-in"))) {
            String flash = mvc.perform(refused.session(trainer).with(csrf())).andExpect(status().is3xxRedirection())
                    .andReturn().getFlashMap().get("flash").toString();
            assertThat(flash).contains("attendance.notYet");
        }
        assertThat(records.findBySessionId(future + "/1/1")).as("nothing marked").isEmpty();

        // on the day itself, before it starts, the roll can be taken
        fixtures.clock().travelTo(day);
        mvc.perform(post(page).param("status[" + ana.getId() + "]", "PRESENT").session(trainer).with(csrf()));
        assertThat(records.findById(future + "/1/1|" + ana.getId())).isPresent();
        fixtures.clock().resume();

        // to take it early, the trainer moves the session first
        String future2 = code + "-G";
        CourseFolder.create(root, future2.toLowerCase(), future2).moduleOn(1, "uno", day.format(dmy), "09:00", "13:00");
        sync.syncAll(root);
        enrolments.enrol(future2, ana.getId(), null);
        String page2 = "/courses/" + future2 + "/modules/1/attendance";
        mvc.perform(post(page2 + "/sessions").param("number", "1").param("date", LocalDate.now(Salta.ZONE)
                .toString()).param("start", "09:00").param("end", "13:00").param("venue", "Sala").session(trainer).with(csrf()));
        mvc.perform(post(page2).param("status[" + ana.getId() + "]", "PRESENT").session(trainer).with(csrf()));
        assertThat(records.findById(future2 + "/1/1|" + ana.getId())).isPresent();
    }

    @Test
    void everyonePresentAsksFirstNamingHowManyItWillMark() throws Exception {
        Person ana = enrolled("MVAQ");
        Person beto = enrolled("MVAQ");
        enrolled("MVAQ");
        AulasUser me = (AulasUser) users.loadUserByUsername("capacitadora@aulas.demo");
        rollCall.save(me, code, 1, Map.of(beto.account().getId(), AttendanceStatus.ABSENT), Map.of());
        String ask = mvc.perform(post(url + "/all-present").session(trainer).with(csrf())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(ask).contains("Se marcarán presentes 2 personas que no tienen marca. ¿Confirmás?",
                "Sí, marcar presentes a 2 personas");
        assertThat(records.findById(code + "/1/1|" + ana.account().getId())).as("nothing marked yet").isEmpty();
        mvc.perform(post(url + "/all-present").param("confirmed", "true").session(trainer).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(records.findById(code + "/1/1|" + ana.account().getId()).orElseThrow().getStatus())
                .isEqualTo(AttendanceStatus.PRESENT);
    }

    @Test
    void allPresentMarksOnlyThoseNotYetMarked() throws Exception {
        Person ana = enrolled("MVAQ");
        Person beto = enrolled("MVAQ");
        AulasUser me = (AulasUser) users.loadUserByUsername("capacitadora@aulas.demo");
        rollCall.save(me, code, 1, Map.of(beto.account().getId(), AttendanceStatus.ABSENT), Map.of());
        assertThat(rollCall.allPresent(me, code, 1)).isEqualTo(1);
        assertThat(records.findById(code + "/1/1|" + ana.account().getId()).orElseThrow().getStatus())
                .isEqualTo(AttendanceStatus.PRESENT);
        assertThat(records.findById(code + "/1/1|" + beto.account().getId()).orElseThrow().getStatus())
                .isEqualTo(AttendanceStatus.ABSENT);
    }

    @Test
    void badMarksAreRefusedWithTheirOwnMessageAndNothingIsSaved() throws Exception {
        Person ana = enrolled("MLME");
        Account stranger = fixtures.participant().create();
        var notEnrolled = (Flash.Message) mvc.perform(post(url).session(trainer).with(csrf())
                .param("status[" + ana.account().getId() + "]", "PRESENT").param("status[" + stranger.getId() + "]", "PRESENT"))
                .andReturn().getFlashMap().get("flash");
        assertThat(notEnrolled.key()).isEqualTo("attendance.notEnrolled");
        var unknown = (Flash.Message) mvc.perform(post(url).session(trainer).with(csrf())
                .param("status[" + ana.account().getId() + "]", "MAYBE")).andReturn().getFlashMap().get("flash");
        assertThat(unknown.key()).isEqualTo("attendance.unknownStatus");
        assertThat(records.findBySessionId(code + "/1/1")).isEmpty();
        mvc.perform(post(url).session(ana.session()).with(csrf()).param("status[" + ana.account().getId() + "]", "PRESENT"))
                .andExpect(status().isNotFound());
        mvc.perform(get(url).session(ana.session())).andExpect(status().isNotFound());
        mvc.perform(post(url).session(trainer).param("status[" + ana.account().getId() + "]", "PRESENT"))
                .andExpect(status().isForbidden());
    }

    @Test
    void twoTrainersTakingTheRollAtOnceLoseNoMark() throws Exception {
        List<Account> people = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Account a = fixtures.participant().of("MSAL").create();
            enrolments.enrol(code, a.getId(), null);
            people.add(a);
        }
        AulasUser me = (AulasUser) users.loadUserByUsername("capacitadora@aulas.demo");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int half = t;
            runs.add(pool.submit(() -> {
                go.await();
                Map<String, AttendanceStatus> marks = new HashMap<>();
                for (int i = half; i < people.size(); i += 2) {
                    marks.put(people.get(i).getId(), AttendanceStatus.PRESENT);
                }
                marks.put(people.get(0).getId(), half == 0 ? AttendanceStatus.PRESENT : AttendanceStatus.LATE);
                return rollCall.save(me, code, 1, marks, Map.of());
            }));
        }
        go.countDown();
        for (Future<Integer> f : runs) {
            f.get();
        }
        pool.shutdown();
        List<AttendanceRecord> saved = records.findBySessionId(code + "/1/1");
        assertThat(saved).hasSize(20).allSatisfy(r -> assertThat(r.getStatus()).isNotNull());
        AttendanceRecord contested = records.findById(code + "/1/1|" + people.get(0).getId()).orElseThrow();
        assertThat(contested.getHistory()).hasSizeBetween(1, 2);
        assertThat(contested.getHistory().get(contested.getHistory().size() - 1).to()).isEqualTo(contested.getStatus());
    }
}
