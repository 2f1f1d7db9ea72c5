package ar.aulas.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ar.aulas.courses.CourseSync;
import ar.aulas.courses.Enrolments;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.shared.mail.OutboxMessage;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.Fixtures;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
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
import org.springframework.test.web.servlet.MockMvc;

/** The daily digest, posts mailed as they come, and unsubscribing in one click without logging in. */
@AulasIntegrationTest
class SubscriptionTests {

    /** A day no other test writes on, so its digest holds only what these tests wrote. */
    static final LocalDate DAY = LocalDate.of(2031, 5, 6);

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
    DebateDigest digest;
    @Autowired
    MongoTemplate mongo;

    @TempDir
    static Path root;

    ConversationScenario s;

    @BeforeEach
    void aCourse() throws Exception {
        s = new ConversationScenario(mvc, fixtures, sync, enrolments, institutions, root);
    }

    private List<OutboxMessage> mailsTo(String email, String subjectPart) {
        return mongo.find(Query.query(Criteria.where("to").is(email).and("subject")
                .regex(Pattern.quote(subjectPart))), OutboxMessage.class);
    }

    private static String unsubscribeOf(OutboxMessage mail) {
        String header = mail.getHeaders().get("List-Unsubscribe");
        assertThat(header).startsWith("<").endsWith(">");
        return header.substring(1, header.length() - 1);
    }

    @Test
    void theDigestIsComposedOncePerPersonPerDayWithWhatEachReadsAndNeverTheirOwn() throws Exception {
        fixtures.clock().travelTo(DAY);
        String thread = s.start(s.aSession, s.debate(1), "Cuencas compartidas", "Propongo un mapa de cuencas.");
        s.reply(s.cSession, thread, "San Lorenzo suma el río Arenales.", null);
        s.start(s.bSession, s.team(s.salta), "Solo el equipo", "Reunión interna del martes.");
        fixtures.clock().travelTo(DAY.plusDays(1));
        // the application's own 07:00 job could run at the same moment: what counts is one mail per person, below
        digest.send(DAY);
        assertThat(digest.send(DAY)).isZero();
        String subject = "Resumen de los debates del 06/05/2031";
        List<OutboxMessage> toA = mailsTo(s.a.getEmail(), subject);
        assertThat(toA).hasSize(1);
        assertThat(toA.get(0).getBody()).contains("San Lorenzo suma el río Arenales").contains("Reunión interna del martes")
                .doesNotContain("Propongo un mapa de cuencas");
        assertThat(toA.get(0).getSubject()).contains("2 mensajes");
        List<OutboxMessage> toC = mailsTo(s.c.getEmail(), subject);
        assertThat(toC).hasSize(1);
        assertThat(toC.get(0).getBody()).contains("Propongo un mapa de cuencas").doesNotContain("Reunión interna");
        assertThat(mailsTo(s.trainer.getEmail(), subject)).hasSize(1);
        assertThat(mailsTo(s.outsider.getEmail(), subject)).isEmpty();
        assertThat(toA.get(0).getHeaders()).containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    @Test
    void theOneClickLinkUnsubscribesWithoutLoggingInAndAForgedOneIsNotFound() throws Exception {
        fixtures.clock().travelTo(DAY.plusDays(10));
        String thread = s.start(s.aSession, s.debate(1), "Tema del día", "Hablemos de residuos.");
        fixtures.clock().travelTo(DAY.plusDays(11));
        digest.send(DAY.plusDays(10));
        OutboxMessage mail = mailsTo(s.b.getEmail(), "Resumen de los debates del 16/05/2031").get(0);
        String link = unsubscribeOf(mail);
        assertThat(mail.getBody()).contains(link);
        String path = link.substring(link.indexOf("/unsubscribe"));
        mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("¿dejás de recibir todos los correos")));
        // as a mail program does it (RFC 8058): a POST with no session and no form token
        mvc.perform(post(path).contentType("application/x-www-form-urlencoded").content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("no vas a recibir más correos")));
        mvc.perform(post(withLastCharacter(path, path.endsWith("A") ? 'B' : 'A'))).andExpect(status().isNotFound());
        // the same signature bytes spelled with other unused low bits in its last character: not the link we sent
        mvc.perform(post(withLastCharacter(path, sameBytesOtherSpelling(path.charAt(path.length() - 1)))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/unsubscribe?t=bm9waXJhdGE.YWJj")).andExpect(status().isNotFound());
        fixtures.clock().travelTo(DAY.plusDays(11));
        s.reply(s.cSession, thread, "Y de agua.", null);
        fixtures.clock().travelTo(DAY.plusDays(12));
        digest.send(DAY.plusDays(11));
        assertThat(mailsTo(s.b.getEmail(), "Resumen de los debates del 17/05/2031")).isEmpty();
        assertThat(mailsTo(s.a.getEmail(), "Resumen de los debates del 17/05/2031")).hasSize(1);
        mvc.perform(get("/account/conversation").session(s.bSession))
                .andExpect(content().string(Matchers.containsString("id=\"none-true\" value=\"true\" checked")));
    }

    @Test
    void whoChoosesEachPostGetsItAsItComesAndAThreadsChoiceWinsOverItsSpace() throws Exception {
        fixtures.clock().travelTo(DAY.plusDays(20));
        mvc.perform(post("/courses/" + s.code + "/subscriptions").param("target", "m1").param("mode", "IMMEDIATE")
                .param("back", s.debate(1)).session(s.bSession).with(csrf())).andExpect(status().is3xxRedirection());
        String thread = s.start(s.aSession, s.debate(1), "Transporte interurbano", "¿Qué líneas cruzan?");
        List<OutboxMessage> toB = mailsTo(s.b.getEmail(), "Transporte interurbano");
        assertThat(toB).hasSize(1);
        assertThat(toB.get(0).getBody()).contains("¿Qué líneas cruzan?");
        assertThat(mailsTo(s.c.getEmail(), "Transporte interurbano")).isEmpty();
        assertThat(mailsTo(s.a.getEmail(), "Transporte interurbano")).isEmpty();
        // B's own posts are never mailed to B; a thread set to none stops its mails
        mvc.perform(post("/courses/" + s.code + "/subscriptions").param("target", "thread:" + thread).param("mode", "NONE")
                .param("back", s.thread(thread)).session(s.bSession).with(csrf())).andExpect(status().is3xxRedirection());
        s.reply(s.cSession, thread, "La 2B y la 7A.", null);
        assertThat(mailsTo(s.b.getEmail(), "Transporte interurbano")).hasSize(1);
        // the same choice in a space the person cannot read is not found
        mvc.perform(post("/courses/" + s.code + "/subscriptions").param("target", "t:" + s.salta).param("mode", "IMMEDIATE")
                .param("back", "/").session(s.cSession).with(csrf())).andExpect(status().isNotFound());
        // back to each post for the thread; the link in that mail stops the thread only
        mvc.perform(post("/courses/" + s.code + "/subscriptions").param("target", "thread:" + thread).param("mode", "IMMEDIATE")
                .param("back", s.thread(thread)).session(s.bSession).with(csrf()));
        s.reply(s.cSession, thread, "Otro mensaje.", null);
        assertThat(mailsTo(s.b.getEmail(), "Transporte interurbano")).hasSize(2);
        String link = unsubscribeOf(mailsTo(s.b.getEmail(), "Transporte interurbano").stream()
                .filter(m -> m.getBody().contains("Otro mensaje.")).findFirst().orElseThrow());
        mvc.perform(post(link.substring(link.indexOf("/unsubscribe")))).andExpect(status().isOk());
        s.reply(s.cSession, thread, "Un mensaje más.", null);
        assertThat(mailsTo(s.b.getEmail(), "Transporte interurbano")).hasSize(2);
        assertThat(mongo.findById(Subscription.id(s.b.getId(), s.code, "thread:" + thread), Subscription.class).getMode())
                .isEqualTo(Subscription.Mode.NONE);
    }

    private static String withLastCharacter(String path, char last) {
        return path.substring(0, path.length() - 1) + last;
    }

    /** A 32-byte MAC in unpadded base64url ends in a character whose two low bits are unused: flip one of them. */
    private static char sameBytesOtherSpelling(char last) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char other = alphabet.charAt(alphabet.indexOf(last) ^ 1);
        assertThat(Base64.getUrlDecoder().decode("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" + other))
                .isEqualTo(Base64.getUrlDecoder().decode("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" + last));
        return other;
    }
}
