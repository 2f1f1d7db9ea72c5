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
import ar.aulas.shared.web.Flash;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.CourseFolder;
import ar.aulas.support.Fixtures;
import ar.aulas.support.Sessions;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

@AulasIntegrationTest
class CheckInTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CourseSync sync;
    @Autowired
    Enrolments enrolments;
    @Autowired
    CheckIn checkIn;
    @Autowired
    RollCall rollCall;
    @Autowired
    AttendanceRecordRepository records;
    @Autowired
    UserDetailsService users;

    @TempDir
    static Path root;

    String code;
    AulasUser trainer;
    MockHttpSession trainerSession;

    @BeforeEach
    void aCourseWhoseEncounterStartedLongAgo() throws Exception {
        code = "CHK-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        CourseFolder.create(root, code.toLowerCase(), code).module(1, "inicio", "Inicio");
        sync.syncAll(root);
        trainer = (AulasUser) users.loadUserByUsername("capacitadora@aulas.demo");
        trainerSession = Sessions.demo(mvc, "capacitadora@aulas.demo");
    }

    private record Person(Account account, MockHttpSession session) {
    }

    private Person enrolled() throws Exception {
        var builder = fixtures.participant();
        Account account = builder.create();
        enrolments.enrol(code, account.getId(), null);
        return new Person(account, Sessions.login(mvc, builder.email(), builder.password()));
    }

    private String flashKey(MockHttpSession session, String typed) throws Exception {
        Flash.Message message = (Flash.Message) mvc.perform(post("/check-in").param("code", typed).session(session)
                .with(csrf())).andReturn().getFlashMap().get("flash");
        return message.key();
    }

    @Test
    void withTheProjectedCodeAParticipantIsCheckedInOnceAndLateAfterTheGracePeriod() throws Exception {
        Person ana = enrolled();
        assertThat(flashKey(ana.session(), "ABC234")).isEqualTo("checkIn.closed");

        mvc.perform(post("/courses/" + code + "/modules/1/attendance/check-in").session(trainerSession).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String current = checkIn.display(trainer, code, 1).code();
        mvc.perform(get("/courses/" + code + "/modules/1/attendance/check-in").session(trainerSession))
                .andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.content()
                        .string(Matchers.containsString("<svg")));

        assertThat(flashKey(ana.session(), "ZZZZZZ")).isEqualTo("checkIn.wrongCode");
        // a refused code comes back in the form to be corrected; a check-in leaves it empty
        mvc.perform(post("/check-in").param("code", "zz zz").session(ana.session()).with(csrf()))
                .andExpect(MockMvcResultMatchers.redirectedUrl("/check-in?c=zz+zz"));
        mvc.perform(get("/check-in").param("c", "zz zz").session(ana.session()))
                .andExpect(MockMvcResultMatchers.content()
                        .string(Matchers.containsString("value=\"zz zz\"")));
        mvc.perform(post("/check-in").param("code", current.toLowerCase()).session(ana.session()).with(csrf()))
                .andExpect(MockMvcResultMatchers.redirectedUrl("/check-in"));
        assertThat(records.findById(code + "/1/1|" + ana.account().getId()).orElseThrow().getStatus())
                .isEqualTo(AttendanceStatus.LATE);
        assertThat(flashKey(ana.session(), current)).isEqualTo("checkIn.already");
        AttendanceRecord record = records.findById(code + "/1/1|" + ana.account().getId()).orElseThrow();
        assertThat(record.getSource()).isEqualTo(AttendanceRecord.Source.CHECK_IN);
        assertThat(record.getStatus()).isEqualTo(AttendanceStatus.LATE);
    }

    @Test
    void aTrainersMarkWinsOverALaterCheckInAndOutsidersCannotCheckIn() throws Exception {
        Person ana = enrolled();
        rollCall.save(trainer, code, 1, Map.of(ana.account().getId(), AttendanceStatus.EXCUSED), Map.of());
        checkIn.open(trainer, code, 1);
        String current = checkIn.display(trainer, code, 1).code();
        assertThat(flashKey(ana.session(), current)).isEqualTo("checkIn.markedByTrainer");
        assertThat(records.findById(code + "/1/1|" + ana.account().getId()).orElseThrow().getStatus())
                .isEqualTo(AttendanceStatus.EXCUSED);

        var outsider = fixtures.participant();
        outsider.create();
        MockHttpSession stranger = Sessions.login(mvc, outsider.email(), outsider.password());
        assertThat(flashKey(stranger, current)).isEqualTo("checkIn.closed");
        mvc.perform(post("/courses/" + code + "/modules/1/attendance/check-in").session(ana.session()).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void tooManyAttemptsAreRefusedForAWhile() throws Exception {
        Person ana = enrolled();
        checkIn.open(trainer, code, 1);
        for (int i = 0; i < CheckIn.MAX_ATTEMPTS; i++) {
            assertThat(flashKey(ana.session(), "WRONG" + i)).isEqualTo("checkIn.wrongCode");
        }
        String current = checkIn.display(trainer, code, 1).code();
        assertThat(flashKey(ana.session(), current)).isEqualTo("checkIn.tooMany");
    }
}
