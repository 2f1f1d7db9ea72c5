package ar.aulas.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ar.aulas.courses.CourseSync;
import ar.aulas.courses.Enrolments;
import ar.aulas.demo.DemoAccounts;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.CourseFolder;
import ar.aulas.support.Fixtures;
import ar.aulas.support.Sessions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every conversation route × every role: what a person may not see answers 404, like something that does not exist,
 * and a refused write changes nothing.
 */
@AulasIntegrationTest
class ConversationAccessTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CourseSync sync;
    @Autowired
    Enrolments enrolments;
    @Autowired
    InstitutionDirectory institutions;
    @Autowired
    PostRepository posts;
    @Autowired
    ThreadRepository threads;
    @Autowired
    AnnouncementRepository announcements;

    @TempDir
    static Path root;

    ConversationScenario s;
    String debateThread;
    String debatePost;
    String debateFile;
    String teamThread;
    String teamPost;
    String question;
    String announcement;
    String announcementFile;

    @BeforeEach
    void aCourseWithSomethingInEverySpace() throws Exception {
        s = new ConversationScenario(mvc, fixtures, sync, enrolments, institutions, root);
        debateThread = s.start(s.aSession, s.debate(1), "Movilidad metropolitana", "Abro el tema.",
                new MockMultipartFile("files", "datos.pdf", "application/pdf", CourseFolder.tinyPdf("datos")));
        Post opening = posts.findByThreadIdOrderByCreatedAtAsc(debateThread).get(0);
        debatePost = opening.getId();
        debateFile = opening.getAttachments().get(0).fileId();
        teamThread = s.start(s.aSession, s.team(s.salta), "Reparto de tareas", "Solo para Salta.");
        teamPost = posts.findByThreadIdOrderByCreatedAtAsc(teamThread).get(0).getId();
        question = s.start(s.aSession, s.questions(), "Una duda privada", "¿Se puede entregar tarde?");
        String location = mvc.perform(multipart("/courses/" + s.code + "/announcements")
                        .file(new MockMultipartFile("files", "programa.pdf", "application/pdf", CourseFolder.tinyPdf("p")))
                        .param("title", "Solo para Salta").param("text", "Reunión del equipo de Salta.")
                        .param("institutionId", s.salta).session(s.trainerSession).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        announcement = location.substring(location.lastIndexOf('/') + 1);
        announcementFile = announcements.findById(announcement).orElseThrow().getAttachments().get(0).fileId();
    }

    private List<String> allReadRoutes() {
        return List.of(s.debate(1), s.thread(debateThread), "/courses/" + s.code + "/posts/" + debatePost + "/files/" + debateFile,
                s.team(s.salta), s.thread(teamThread), s.questions(), s.thread(question),
                "/courses/" + s.code + "/announcements", "/courses/" + s.code + "/announcements/" + announcement,
                "/courses/" + s.code + "/announcements/" + announcement + "/files/" + announcementFile,
                "/courses/" + s.code + "/conversation/search?q=tema");
    }

    @Test
    void aParticipantOfAnotherCourseGetsNotFoundForEveryRouteAndAnonymousVisitorsAreSentToLogIn() throws Exception {
        for (String route : allReadRoutes()) {
            mvc.perform(get(route).session(s.outsiderSession)).andExpect(status().isNotFound());
            mvc.perform(get(route)).andExpect(redirectedUrl("/login"));
        }
    }

    @Test
    void eachRoleReadsExactlyWhatItsPlaceAllows() throws Exception {
        Map<String, MockHttpSession> who = new LinkedHashMap<>();
        who.put("A (Salta, author)", s.aSession);
        who.put("B (Salta)", s.bSession);
        who.put("C (San Lorenzo)", s.cSession);
        who.put("K (coordinator of San Lorenzo)", s.scopedSession);
        who.put("trainer", s.trainerSession);
        String file = "/courses/" + s.code + "/posts/" + debatePost + "/files/" + debateFile;
        String annPath = "/courses/" + s.code + "/announcements/" + announcement;
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        // debate, debate thread, its file, Salta's team, its thread, San Lorenzo's team, questions, A's question,
        // Salta's announcement, unreleased debate 2
        expected.put("A (Salta, author)", List.of(200, 200, 200, 200, 200, 404, 200, 200, 200, 404));
        expected.put("B (Salta)", List.of(200, 200, 200, 200, 200, 404, 200, 404, 200, 404));
        expected.put("C (San Lorenzo)", List.of(200, 200, 200, 404, 404, 200, 200, 404, 404, 404));
        expected.put("K (coordinator of San Lorenzo)", List.of(404, 404, 404, 404, 404, 200, 404, 404, 404, 404));
        expected.put("trainer", List.of(200, 200, 200, 200, 200, 200, 200, 200, 200, 200));
        List<String> routes = List.of(s.debate(1), s.thread(debateThread), file, s.team(s.salta), s.thread(teamThread),
                s.team(s.sanLorenzo), s.questions(), s.thread(question), annPath, s.debate(2));
        for (var entry : who.entrySet()) {
            List<Integer> got = new ArrayList<>();
            for (String route : routes) {
                got.add(mvc.perform(get(route).session(entry.getValue())).andReturn().getResponse().getStatus());
            }
            assertThat(got).as(entry.getKey() + " on " + routes).isEqualTo(expected.get(entry.getKey()));
        }
        // the index of team spaces lists only those the person reads
        String teams = "/courses/" + s.code + "/teams";
        assertThat(mvc.perform(get(teams).session(s.trainerSession)).andReturn().getResponse().getContentAsString())
                .contains("Municipalidad de Salta").contains("Municipalidad de San Lorenzo");
        assertThat(mvc.perform(get(teams).session(s.cSession)).andReturn().getResponse().getContentAsString())
                .contains("Municipalidad de San Lorenzo").doesNotContain("Municipalidad de Salta");
        mvc.perform(get(teams).session(s.outsiderSession)).andExpect(status().isNotFound());
    }

    @Test
    void writesOutsideOnesPlaceAreNotFoundAndChangeNothing() throws Exception {
        long before = posts.count();
        String c = "/courses/" + s.code;
        // C replies in Salta's team space, B edits A's post, A moderates, K posts an announcement to Salta
        mvc.perform(multipart(s.thread(teamThread)).param("text", "intrusión").session(s.cSession).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(multipart(s.team(s.salta)).param("title", "x").param("text", "intrusión").session(s.cSession).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post(c + "/posts/" + debatePost + "/edit").param("text", "cambiado").session(s.bSession).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get(c + "/posts/" + debatePost + "/edit").session(s.bSession)).andExpect(status().isNotFound());
        mvc.perform(post(c + "/posts/" + debatePost + "/hide").param("reason", "x").param("thread", debateThread)
                .session(s.bSession).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(c + "/threads/" + debateThread + "/lock").param("locked", "true").session(s.aSession).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post(c + "/threads/" + debateThread + "/pin").param("pinned", "true").session(s.aSession).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post(c + "/debates/1/settings").param("qaMode", "true").session(s.aSession).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get(c + "/moderation").session(s.aSession)).andExpect(status().isNotFound());
        mvc.perform(post(c + "/posts/" + teamPost + "/report").param("reason", "x").param("thread", teamThread)
                .session(s.cSession).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get(c + "/posts/" + teamPost + "/report").session(s.cSession)).andExpect(status().isNotFound());
        mvc.perform(get(c + "/posts/" + debatePost + "/report").session(s.aSession)).andExpect(status().isNotFound());
        mvc.perform(get(c + "/posts/" + debatePost + "/report").session(s.bSession)).andExpect(status().isOk());
        mvc.perform(post(c + "/threads/" + question + "/faq").param("published", "true").session(s.aSession).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(multipart(c + "/announcements").param("title", "x").param("text", "y").session(s.aSession).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(multipart(s.debate(2)).param("title", "x").param("text", "y").session(s.aSession).with(csrf()))
                .andExpect(status().isNotFound());
        // a scoped coordinator reads San Lorenzo's team space but does not write in it
        mvc.perform(multipart(s.team(s.sanLorenzo)).param("title", "x").param("text", "y").session(s.scopedSession)
                .with(csrf())).andExpect(status().isNotFound());
        // a post of this course cannot be reached through another course's address
        mvc.perform(get("/courses/" + DemoAccounts.COURSE + "/posts/" + debatePost + "/files/" + debateFile)
                .session(Sessions.demo(mvc, "capacitadora@aulas.demo"))).andExpect(status().isNotFound());
        assertThat(posts.count()).isEqualTo(before);
        DiscussionThread t = threads.findById(debateThread).orElseThrow();
        assertThat(t.isLocked()).isFalse();
        assertThat(t.isPinned()).isFalse();
        assertThat(posts.findById(debatePost).orElseThrow().getText()).isEqualTo("Abro el tema.");
        assertThat(posts.findById(debatePost).orElseThrow().isHidden()).isFalse();
    }
}
