package ar.aulas.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.Role;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.CourseFolder;
import ar.aulas.support.Fixtures;
import ar.aulas.support.Sessions;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Every course route that takes an id checks the course and the person: what one may not see is 404. */
@AulasIntegrationTest
class CourseAccessTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CourseSync sync;
    @Autowired
    Enrolments enrolments;
    @Autowired
    ReadingRepository readings;
    @Autowired
    MaterialRepository materials;

    @TempDir
    static Path root;

    String code;
    String fileId;
    MockHttpSession enrolled;
    MockHttpSession outsider;
    MockHttpSession trainer;

    @BeforeEach
    void aCourseWithAnEnrolledParticipantAndAnOutsider() throws Exception {
        code = "ACC-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        CourseFolder.create(root, code.toLowerCase(), code).module(1, "inicio", "Inicio")
                .reading(1, "inicio", "lectura", "Lectura", "Texto", "files/a.pdf")
                .bytes("01-inicio/files/a.pdf", CourseFolder.tinyPdf(code))
                .write("02-futuro/module.md", "---\nnumber: 2\ntitle: Futuro\ndate: 10/03/2099\nstart: \"09:00\"\n"
                        + "end: \"13:00\"\nvenue: Sala\nrelease: 01/03/2099\n---\nAún no\n");
        sync.syncAll(root);
        fileId = readings.findById(code + "/1/lectura").orElseThrow().getAttachments().get(0).fileId();

        var in = fixtures.participant();
        Account inAccount = in.create();
        enrolments.enrol(code, inAccount.getId(), null);
        enrolled = Sessions.login(mvc, in.email(), in.password());
        outsider = Sessions.demo(mvc, "tecnico@aulas.demo");
        trainer = Sessions.demo(mvc, "capacitadora@aulas.demo");
    }

    private List<String> readRoutes() {
        return List.of("/courses/" + code, "/courses/" + code + "/modules/1",
                "/courses/" + code + "/modules/1/readings/lectura", "/courses/" + code + "/files/" + fileId,
                "/courses/" + code + "/search?q=texto");
    }

    @Test
    void anEnrolledParticipantSeesTheCourseModuleReadingAndAttachment() throws Exception {
        for (String route : readRoutes()) {
            mvc.perform(get(route).session(enrolled)).andExpect(status().isOk());
        }
        mvc.perform(get("/courses/" + code + "/files/" + fileId).session(enrolled))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void aParticipantOfAnotherCourseGetsNotFoundForEveryIdOfThisOne() throws Exception {
        for (String route : readRoutes()) {
            mvc.perform(get(route).session(outsider)).andExpect(status().isNotFound());
        }
        mvc.perform(post("/courses/" + code + "/modules/1/readings/lectura/read").session(outsider).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/courses").session(outsider)).andExpect(content().string(not(containsString(code))));
    }

    @Test
    void anAnonymousVisitorIsSentToLoginForEveryCourseRoute() throws Exception {
        for (String route : readRoutes()) {
            mvc.perform(get(route)).andExpect(redirectedUrl("/login"));
        }
    }

    @Test
    void anUnreleasedModuleIsNotFoundForParticipantsButVisibleToItsTrainer() throws Exception {
        mvc.perform(get("/courses/" + code + "/modules/2").session(enrolled)).andExpect(status().isNotFound());
        mvc.perform(get("/courses/" + code + "/modules/2").session(trainer)).andExpect(status().isOk());
        mvc.perform(get("/courses/" + code).session(enrolled))
                .andExpect(content().string(containsString("Disponible desde el 01/03/2099")));
    }

    @Test
    void anAttachmentOfAnotherCourseCannotBeFetchedThroughThisCourse() throws Exception {
        String other = readings.findByCourseCode("AGC-2026").stream().filter(r -> !r.getAttachments().isEmpty())
                .findFirst().orElseThrow().getAttachments().get(0).fileId();
        mvc.perform(get("/courses/" + code + "/files/" + other).session(enrolled)).andExpect(status().isNotFound());
        mvc.perform(get("/courses/" + code + "/files/not-an-id").session(enrolled)).andExpect(status().isNotFound());
    }

    @Test
    void onlyTheCoursesTrainersManageMaterials() throws Exception {
        var pdf = new MockMultipartFile("file", "guia.pdf", "application/pdf", CourseFolder.tinyPdf("x"));
        mvc.perform(multipart("/courses/" + code + "/modules/1/materials").file(pdf).param("kind", "FILE")
                .param("title", "Intento").session(enrolled).with(csrf())).andExpect(status().isNotFound());
        var otherTrainer = fixtures.account(Role.TRAINER).of("MEM");
        otherTrainer.create();
        MockHttpSession stranger = Sessions.login(mvc, otherTrainer.email(), otherTrainer.password());
        mvc.perform(multipart("/courses/" + code + "/modules/1/materials").file(pdf).param("kind", "FILE")
                .param("title", "Intento").session(stranger).with(csrf())).andExpect(status().isNotFound());
        assertThat(materials.findByCourseCode(code)).isEmpty();

        mvc.perform(post("/courses/" + code + "/modules/1/materials").param("kind", "NOTE").param("title", "Nota")
                .param("note", "Traer mapas").session(trainer).with(csrf())).andExpect(status().is3xxRedirection());
        Material note = materials.findByCourseCode(code).get(0);
        for (String action : List.of("hide", "show", "up", "down", "delete")) {
            mvc.perform(post("/courses/" + code + "/materials/" + note.getId() + "/" + action).session(enrolled)
                    .with(csrf())).andExpect(status().isNotFound());
        }
        mvc.perform(get("/courses/" + code + "/materials/" + note.getId() + "/edit").session(enrolled))
                .andExpect(status().isNotFound());
        mvc.perform(get("/courses/AGC-2026/materials/" + note.getId() + "/edit").session(trainer))
                .andExpect(status().isNotFound());
        assertThat(materials.findById(note.getId())).isPresent();
    }

    @Test
    void anInstitutionCoordinatorSeesOnlyCoursesWithPeopleOfTheirInstitution() throws Exception {
        MockHttpSession sanLorenzo = Sessions.demo(mvc, "coordinacion.sanlorenzo@aulas.demo");
        mvc.perform(get("/courses/" + code).session(sanLorenzo)).andExpect(status().isNotFound());
        var person = fixtures.participant().of("MSLO");
        enrolments.enrol(code, person.create().getId(), null);
        mvc.perform(get("/courses/" + code).session(sanLorenzo)).andExpect(status().isOk());
    }

    @Test
    void onlyAdminsAndProgrammeCoordinatorsEnrolPeople() throws Exception {
        var person = fixtures.participant();
        Account account = person.create();
        mvc.perform(get("/courses/" + code + "/enrolments").session(trainer)).andExpect(status().isNotFound());
        mvc.perform(post("/courses/" + code + "/enrolments").param("accountId", account.getId()).session(enrolled)
                .with(csrf())).andExpect(status().isNotFound());
        MockHttpSession coordinator = Sessions.demo(mvc, "coordinacion@aulas.demo");
        mvc.perform(post("/courses/" + code + "/enrolments").param("accountId", account.getId()).session(coordinator)
                .with(csrf())).andExpect(redirectedUrl("/courses/" + code + "/enrolments"));
        MockHttpSession newcomer = Sessions.login(mvc, person.email(), person.password());
        mvc.perform(get("/courses/" + code).session(newcomer)).andExpect(status().isOk());

        mvc.perform(post("/courses/" + code + "/enrolments/" + account.getId() + "/unenrol").session(coordinator)
                .with(csrf()));
        mvc.perform(get("/courses/" + code).session(newcomer)).andExpect(status().isNotFound());
        assertThat(enrolments.ofCourse(code)).anySatisfy(e -> {
            assertThat(e.getAccountId()).isEqualTo(account.getId());
            assertThat(e.isActive()).isFalse();
            assertThat(e.getUnenrolledAt()).isNotNull();
        });
    }
}
