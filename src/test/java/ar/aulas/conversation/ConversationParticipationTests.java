package ar.aulas.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ar.aulas.accounts.AulasUser;
import ar.aulas.courses.CourseSync;
import ar.aulas.courses.Enrolments;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.reports.Participation;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.Fixtures;
import ar.aulas.support.Sessions;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Posts per institution, person and encounter on the participation pages, against figures computed by hand. */
@AulasIntegrationTest
class ConversationParticipationTests {

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
    Participation participation;
    @Autowired
    UserDetailsService users;

    @TempDir
    static Path root;

    @Test
    void postsAreCountedPerInstitutionPersonAndEncounterAndAHiddenOneStopsCounting() throws Exception {
        ConversationScenario s = new ConversationScenario(mvc, fixtures, sync, enrolments, institutions, root);
        // by hand: A 2 in the debate + 1 in Salta's team space, B 1, C 2 of which 1 hidden; the trainer's posts
        // belong to no participating institution
        String thread = s.start(s.aSession, s.debate(1), "Vivienda", "¿Cuántos lotes sin servicios hay?");
        s.reply(s.bSession, thread, "En Salta, unos 3.000.", null);
        String cFirst = s.reply(s.cSession, thread, "En San Lorenzo, 400.", null);
        s.reply(s.cSession, thread, "Mensaje repetido.", null);
        s.reply(s.aSession, thread, "Gracias.", cFirst);
        s.start(s.aSession, s.team(s.salta), "Datos", "Junto los de vivienda.");
        s.reply(s.trainerSession, thread, "Buen intercambio.", null);
        String repeated = s.reply(s.cSession, thread, "Otra vez repetido.", null);
        mvc.perform(post("/courses/" + s.code + "/posts/" + repeated + "/hide").param("reason", "repetido")
                .param("thread", thread).session(s.trainerSession).with(csrf()));
        // hiding twice changes nothing more
        mvc.perform(post("/courses/" + s.code + "/posts/" + repeated + "/hide").param("reason", "repetido")
                .param("thread", thread).session(s.trainerSession).with(csrf()));

        AulasUser coordinator = (AulasUser) users.loadUserByUsername("coordinacion@aulas.demo");
        Participation.ProgrammeView programme = participation.programme(coordinator, s.code, Participation.Sort.NAME, false);
        Map<String, Long> posts = programme.lines().stream()
                .collect(Collectors.toMap(Participation.Line::institutionId, Participation.Line::posts));
        assertThat(posts).containsEntry(s.salta, 4L).containsEntry(s.sanLorenzo, 2L);
        assertThat(programme.totals().posts()).isEqualTo(6L);

        Participation.InstitutionView salta = participation.institution(coordinator, s.code, s.salta);
        assertThat(salta.people().stream().collect(Collectors.toMap(p -> p.participant().account().getId(),
                Participation.Person::posts))).containsEntry(s.a.getId(), 3L).containsEntry(s.b.getId(), 1L);
        Participation.PersonView a = participation.person(coordinator, s.code, s.a.getId());
        assertThat(a.posts()).containsEntry("total", 3L).containsEntry("m1", 2L).containsEntry("team", 1L);
        assertThat(a.postsIn(1)).isEqualTo(2L);

        var session = Sessions.demo(mvc, "coordinacion@aulas.demo");
        String csv = mvc.perform(get("/courses/" + s.code + "/participation/institutions/" + s.salta + "/export.csv")
                .session(session)).andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("Mensajes");
        assertThat(mvc.perform(get("/courses/" + s.code + "/participation/people/" + s.a.getId()).session(session))
                .andReturn().getResponse().getContentAsString()).contains("Conversación: 3 mensajes")
                .contains("Debate del encuentro 1: 2").contains("Espacio del equipo: 1");

        // moved to encounter 2's debate, the thread's posts count there
        mvc.perform(post("/courses/" + s.code + "/threads/" + thread + "/move").param("module", "2")
                .session(s.trainerSession).with(csrf()));
        assertThat(participation.person(coordinator, s.code, s.a.getId()).posts()).containsEntry("m2", 2L)
                .doesNotContainKey("m1").containsEntry("total", 3L);
    }

    @Test
    void aDebateGradedForParticipationIsAGradebookColumnCappedAtItsMaximum() throws Exception {
        ConversationScenario s = new ConversationScenario(mvc, fixtures, sync, enrolments, institutions, root);
        String settings = "/courses/" + s.code + "/debates/1/settings";
        // half a setting is refused and changes nothing
        mvc.perform(post(settings).param("pointsPerPost", "2").param("maxPoints", "0").session(s.trainerSession).with(csrf()));
        assertThat(mvc.perform(get("/courses/" + s.code + "/gradebook").session(s.trainerSession)).andReturn().getResponse()
                .getContentAsString()).doesNotContain("Debate del encuentro 1 (sobre");
        mvc.perform(post(settings).param("pointsPerPost", "2").param("maxPoints", "5").session(s.trainerSession).with(csrf()));
        // by hand: A 3 posts → 6, capped at 5; B 1 post → 2; C none → 0
        String thread = s.start(s.aSession, s.debate(1), "Suelo urbano", "Abro.");
        s.reply(s.aSession, thread, "Sumo un dato.", null);
        s.reply(s.aSession, thread, "Y otro.", null);
        s.reply(s.bSession, thread, "Coincido.", null);
        String gradebook = mvc.perform(get("/courses/" + s.code + "/gradebook").session(s.trainerSession)).andReturn()
                .getResponse().getContentAsString();
        assertThat(gradebook).contains("Debate del encuentro 1 (sobre 5)");
        Document doc = Jsoup.parse(gradebook);
        int column = doc.select("thead th").eachText().indexOf("Debate del encuentro 1 (sobre 5)");
        Map<String, String> points = doc.select("tbody tr").stream().collect(Collectors.toMap(
                tr -> tr.select("td").get(1).text(), tr -> tr.select("td").get(column).text()));
        assertThat(points).containsEntry(s.a.getFullName(), "5").containsEntry(s.b.getFullName(), "2")
                .containsEntry(s.c.getFullName(), "0");
        String csv = mvc.perform(get("/courses/" + s.code + "/gradebook.csv").session(s.trainerSession)).andReturn()
                .getResponse().getContentAsString();
        assertThat(csv).contains("Debate del encuentro 1 (sobre 5)");
        assertThat(mvc.perform(get(s.debate(1)).session(s.bSession)).andReturn().getResponse().getContentAsString())
                .contains("Llevás 2 puntos");
    }
}
