package ar.aulas.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.AulasUser;
import ar.aulas.courses.CourseSync;
import ar.aulas.courses.Enrolments;
import ar.aulas.demo.DemoAccounts;
import ar.aulas.shared.mail.OutboxRepository;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.CourseFolder;
import ar.aulas.support.Fixtures;
import ar.aulas.support.Sessions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@AulasIntegrationTest
class AttendanceReportTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CourseSync sync;
    @Autowired
    Enrolments enrolments;
    @Autowired
    RollCall rollCall;
    @Autowired
    UserDetailsService users;
    @Autowired
    OutboxRepository outbox;

    @TempDir
    Path root;

    @Test
    void ratesRisksPerInstitutionViewsExportsAndNotices() throws Exception {
        String code = "REP-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        var course = CourseFolder.create(root, "r", code);
        var f = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        for (int m = 1; m <= 5; m++) {
            // after today's enrolment, so every absence counts
            course.moduleOn(m, "m" + m, LocalDate.now().plusDays(7L * m).format(f), "09:00", "13:00");
        }
        sync.syncAll(root);
        Account ana = fixtures.participant().named("Ana Presente").of("MSAL").create();
        Account beto = fixtures.participant().named("Beto EnRiesgo").of("MSAL").create();
        Account carla = fixtures.participant().named("Carla SinChance").of("MSLO").create();
        for (Account a : new Account[] {ana, beto, carla}) {
            enrolments.enrol(code, a.getId(), null);
        }
        AulasUser trainer = (AulasUser) users.loadUserByUsername("capacitadora@aulas.demo");
        // the first two encounters have been held: attendance is taken only once an encounter's day has come
        fixtures.clock().travelTo(LocalDate.now().plusDays(15));
        rollCall.save(trainer, code, 1, Map.of(ana.getId(), AttendanceStatus.PRESENT, beto.getId(), AttendanceStatus.ABSENT,
                carla.getId(), AttendanceStatus.ABSENT), Map.of());
        rollCall.save(trainer, code, 2, Map.of(ana.getId(), AttendanceStatus.PRESENT, beto.getId(), AttendanceStatus.PRESENT,
                carla.getId(), AttendanceStatus.ABSENT), Map.of());

        var trainerSession = Sessions.demo(mvc, "capacitadora@aulas.demo");
        String page = mvc.perform(get("/courses/" + code + "/attendance").session(trainerSession))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Ana Presente", "Beto EnRiesgo", "Carla SinChance", "En regla", "En riesgo",
                "Ya no alcanza", "100,0\u00a0%", "50,0\u00a0%", "0,0\u00a0%");

        var sanLorenzo = Sessions.demo(mvc, "coordinacion.sanlorenzo@aulas.demo");
        String scoped = mvc.perform(get("/courses/" + code + "/attendance").session(sanLorenzo))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(scoped).contains("Carla SinChance").doesNotContain("Ana Presente", "Beto EnRiesgo");

        String csv = mvc.perform(get("/courses/" + code + "/attendance/export.csv").session(trainerSession)).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFInstitución;Nombre completo;DNI;Encuentro 1;")
                .contains("Beto EnRiesgo;", ";Ausente;Presente;", ";50,0;En riesgo");

        long before = outbox.count();
        mvc.perform(post("/courses/" + code + "/attendance/notify-at-risk").param("copyCoordinators", "true")
                .session(trainerSession).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(outbox.count()).isEqualTo(before + 3);
        assertThat(outbox.findAll()).anySatisfy(m -> {
            assertThat(m.getTo()).isEqualTo("coordinacion.sanlorenzo@aulas.demo");
            assertThat(m.getBody()).contains("Carla SinChance", "ya no alcanza");
        });

        var participant = Sessions.login(mvc, "tecnico@aulas.demo", DemoAccounts.PASSWORD);
        mvc.perform(get("/courses/" + code + "/attendance").session(participant)).andExpect(status().isNotFound());
    }
}
