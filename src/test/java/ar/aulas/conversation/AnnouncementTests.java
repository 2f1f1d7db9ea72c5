package ar.aulas.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ar.aulas.courses.CourseSync;
import ar.aulas.courses.Enrolments;
import ar.aulas.demo.DemoAccounts;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.shared.mail.OutboxMessage;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.Fixtures;
import ar.aulas.support.Sessions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Convocatorias reach exactly their audience, once, at their time; and show unread until opened. */
@AulasIntegrationTest
class AnnouncementTests {

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
    Announcements announcements;
    @Autowired
    MongoTemplate mongo;

    @TempDir
    static Path root;

    ConversationScenario s;

    @BeforeEach
    void aCourse() throws Exception {
        s = new ConversationScenario(mvc, fixtures, sync, enrolments, institutions, root);
    }

    private List<OutboxMessage> mailsAbout(String title) {
        return mongo.find(Query.query(Criteria.where("subject").regex(Pattern.quote(title))), OutboxMessage.class);
    }

    private String post(MockHttpSession session, String title, String institutionId, String publishAt) throws Exception {
        var request = multipart("/courses/" + s.code + "/announcements").param("title", title)
                .param("text", "Traigan el mapa **impreso**.").session(session).with(csrf());
        if (institutionId != null) {
            request.param("institutionId", institutionId);
        }
        if (publishAt != null) {
            request.param("publishAt", publishAt);
        }
        String location = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void aConvocatoriaToTheCourseIsMailedOnceToEachParticipantAndShowsUnreadUntilOpened() throws Exception {
        String id = post(s.trainerSession, "Encuentro en Vaqueros", null, null);
        List<OutboxMessage> mails = mailsAbout("Encuentro en Vaqueros");
        assertThat(mails).extracting(OutboxMessage::getTo)
                .containsExactlyInAnyOrder(s.a.getEmail(), s.b.getEmail(), s.c.getEmail());
        assertThat(mails.get(0).getBody()).contains("Traigan el mapa").contains("/courses/" + s.code + "/announcements/" + id);
        // delivering it again (the job meeting it) tells no one twice
        assertThat(announcements.deliverDue()).isZero();
        assertThat(mailsAbout("Encuentro en Vaqueros")).hasSize(3);
        mvc.perform(get("/").session(s.aSession)).andExpect(content().string(containsString("Encuentro en Vaqueros")))
                .andExpect(content().string(containsString("Sin leer")));
        mvc.perform(get("/courses/" + s.code + "/announcements/" + id).session(s.aSession)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<strong>impreso</strong>")));
        mvc.perform(get("/").session(s.aSession)).andExpect(content().string(containsString("Encuentro en Vaqueros")))
                .andExpect(content().string(Matchers.not(containsString("Sin leer"))));
        mvc.perform(get("/courses/" + s.code).session(s.bSession))
                .andExpect(content().string(containsString("Convocatorias")))
                .andExpect(content().string(containsString("1 sin leer")));
    }

    @Test
    void aConvocatoriaToOneInstitutionReachesOnlyItsPeopleAndAScopedCoordinatorPostsOnlyToTheirs() throws Exception {
        String id = post(s.trainerSession, "Solo San Lorenzo", s.sanLorenzo, null);
        assertThat(mailsAbout("Solo San Lorenzo")).extracting(OutboxMessage::getTo).containsExactly(s.c.getEmail());
        mvc.perform(get("/courses/" + s.code + "/announcements/" + id).session(s.aSession)).andExpect(status().isNotFound());
        mvc.perform(get("/courses/" + s.code + "/announcements").session(s.aSession))
                .andExpect(content().string(Matchers.not(containsString("Solo San Lorenzo"))));
        mvc.perform(get("/courses/" + s.code + "/announcements/" + id).session(s.scopedSession)).andExpect(status().isOk());

        // the scoped coordinator: San Lorenzo only, never the whole course or Salta
        for (String audience : new String[] {"", s.salta}) {
            mvc.perform(multipart("/courses/" + s.code + "/announcements").param("title", "Intento")
                            .param("text", "Texto").param("institutionId", audience).session(s.scopedSession).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("No podés enviar la convocatoria a esos destinatarios")));
        }
        assertThat(mailsAbout("Intento")).isEmpty();
        post(s.scopedSession, "Reunión de la coordinación", s.sanLorenzo, null);
        // the course's trainers hear of what coordinators announce
        assertThat(mailsAbout("Reunión de la coordinación")).extracting(OutboxMessage::getTo)
                .containsExactlyInAnyOrder(s.c.getEmail(), s.trainer.getEmail());
    }

    @Test
    void aScheduledConvocatoriaWaitsForItsTimeAndIsDeliveredOnceByTheJob() throws Exception {
        fixtures.clock().stop();
        LocalDateTime inTwoHours = LocalDateTime.now(fixtures.clock().withZone(ZoneId.of("America/Argentina/Salta")))
                .plusHours(2).withSecond(0).withNano(0);
        String id = post(s.trainerSession, "Más tarde", null, inTwoHours.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        assertThat(mailsAbout("Más tarde")).isEmpty();
        mvc.perform(get("/courses/" + s.code + "/announcements/" + id).session(s.aSession)).andExpect(status().isNotFound());
        mvc.perform(get("/courses/" + s.code + "/announcements").session(s.trainerSession))
                .andExpect(content().string(containsString("Se publica el")));
        assertThat(announcements.deliverDue()).isZero();
        fixtures.clock().advance(Duration.ofHours(2).plusMinutes(1));
        // the application's own minute job may deliver it first: either way, it is delivered exactly once
        int now = announcements.deliverDue();
        assertThat(now).isBetween(0, 1);
        assertThat(announcements.deliverDue()).isZero();
        assertThat(mongo.findById(id, Announcement.class).isDelivered()).isTrue();
        assertThat(mailsAbout("Más tarde")).hasSize(3);
        mvc.perform(get("/courses/" + s.code + "/announcements/" + id).session(s.aSession)).andExpect(status().isOk());
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndKeepsWhatWasTyped() throws Exception {
        String base = "/courses/" + s.code + "/announcements";
        mvc.perform(multipart(base).param("title", "").param("text", "Cuerpo escrito").session(s.trainerSession).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Escribí un título.")))
                .andExpect(content().string(containsString("Cuerpo escrito")));
        mvc.perform(multipart(base).param("title", "Con fecha").param("text", "x").param("publishAt", "2020-01-01T10:00")
                .session(s.trainerSession).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(containsString("La fecha de publicación ya pasó")));
        mvc.perform(multipart(base).param("title", "Con fecha").param("text", "x").param("publishAt", "mañana")
                .session(s.trainerSession).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(containsString("La fecha de publicación no es válida")));
        assertThat(mailsAbout("Con fecha")).isEmpty();
        assertThat(mongo.count(Query.query(Criteria.where("courseCode").is(s.code)), Announcement.class)).isZero();
    }

    @Test
    void aProgrammeCoordinatorSendsOneConvocatoriaToEveryCourseAndNoOneElseMay() throws Exception {
        var programme = Sessions.demo(mvc, "coordinacion@aulas.demo");
        String base = "/courses/" + s.code + "/announcements";
        mvc.perform(multipart(base).param("title", "A todo el programa").param("text", "x").param("allCourses", "true")
                .session(s.scopedSession).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Solo la coordinación del programa envía a todos los cursos")));
        mvc.perform(multipart(base).param("title", "A todo el programa").param("text", "x").param("allCourses", "true")
                .param("institutionId", s.salta).session(programme).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Solo la coordinación del programa envía a todos los cursos")));
        // scheduled a year ahead, so the test tells no one in the other tests' courses
        String later = LocalDateTime.now(fixtures.clock().withZone(ZoneId.of("America/Argentina/Salta"))).plusDays(300)
                .withSecond(0).withNano(0).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        String title = "Jornada de cierre del programa " + s.code;
        mvc.perform(multipart(base).param("title", title).param("text", "Para todas las ediciones.").param("allCourses", "true")
                .param("publishAt", later).session(programme).with(csrf())).andExpect(status().is3xxRedirection());
        List<Announcement> made = mongo.find(Query.query(Criteria.where("title").is(title)), Announcement.class);
        long live = mongo.count(Query.query(Criteria.where("archived").is(false)), "courses");
        assertThat(made).hasSize((int) live).extracting(Announcement::getCourseCode).contains(s.code,
                DemoAccounts.COURSE);
        assertThat(made).allMatch(a -> !a.isDelivered() && a.getInstitutionId() == null);
        mongo.remove(Query.query(Criteria.where("title").is(title)), Announcement.class);
    }
}
