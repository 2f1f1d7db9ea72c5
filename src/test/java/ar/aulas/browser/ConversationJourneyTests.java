package ar.aulas.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ar.aulas.conversation.DebateDigest;
import ar.aulas.demo.DemoAccounts;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.shared.mail.OutboxMessage;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.Browser;
import ar.aulas.support.Fixtures;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The conversation's journeys in a real Chromium on the demo course: a convocatoria reaches a technician's phone, two
 * municipalities talk in an encounter's debate, a private question is answered, and a team space stays private.
 * Every page passes axe and fits 360 px (phone) or 1280 px (laptop).
 */
@AulasIntegrationTest
class ConversationJourneyTests {

    static final String COURSE = DemoAccounts.COURSE;
    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    InstitutionDirectory institutions;

    @BeforeAll
    static void noBrowserYet() {
        browser = null;
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private Browser browser() {
        if (browser == null) {
            browser = new Browser(port);
        }
        return browser;
    }

    private static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void aTrainerPostsAConvocatoriaAndTheTechnicianSeesItOnTheHomePageOfTheirPhone() {
        String title = unique("Convocatoria al encuentro de Vaqueros");
        Page trainer = browser().logIn("capacitadora@aulas.demo", 1280);
        trainer.navigate("/courses/" + COURSE);
        Browser.check(trainer, "conversation-course-home-trainer-1280");
        trainer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Convocatorias")).first().click();
        trainer.getByLabel("Título").fill(title);
        trainer.getByLabel("Mensaje").fill("Traigan el **modelo territorial** del encuentro 3.");
        Browser.check(trainer, "conversation-announcement-form-1280");
        trainer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publicar y enviar")).click();
        assertThat(trainer.locator(".alert-success")).containsText("Convocatoria publicada y enviada a");
        assertThat(trainer.locator("h1")).hasText(title);
        Browser.check(trainer, "conversation-announcement-1280");

        Page phone = browser().logIn("tecnico@aulas.demo", 360);
        var line = phone.locator("#section-NEWS li", new Page.LocatorOptions().setHasText(title));
        assertThat(line).containsText("Sin leer");
        assertThat(phone.locator(".bell-count")).isVisible();
        Browser.check(phone, "conversation-home-technician-360");
        line.getByRole(AriaRole.LINK).click();
        assertThat(phone.locator("h1")).hasText(title);
        assertThat(phone.locator(".content-body strong")).hasText("modelo territorial");
        Browser.check(phone, "conversation-announcement-360");
        phone.navigate("/");
        assertThat(phone.locator("#section-NEWS li", new Page.LocatorOptions().setHasText(title))).not().containsText("Sin leer");
        phone.context().close();
        trainer.context().close();
    }

    @Test
    void aTechnicianOpensAThreadAndATechnicianOfAnotherMunicipalityReplies() {
        String title = unique("Conteos de tránsito en la ruta 26");
        Page salta = browser().logIn("tecnico@aulas.demo", 360);
        salta.navigate("/courses/" + COURSE + "/debates/1");
        Browser.check(salta, "conversation-debate-360");
        salta.getByLabel("Título").fill(title);
        salta.getByLabel("Mensaje").fill("¿Alguien tiene conteos de tránsito del acceso norte?");
        salta.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publicar")).click();
        assertThat(salta.locator("h1")).hasText(title);
        String threadUrl = salta.url();

        Page sanLorenzo = browser().logIn("tecnica.sanlorenzo@aulas.demo", 1280);
        sanLorenzo.navigate("/courses/" + COURSE + "/debates/1");
        var listed = sanLorenzo.locator(".thread-list li", new Page.LocatorOptions().setHasText(title));
        assertThat(listed).containsText("1 sin leer");
        Browser.check(sanLorenzo, "conversation-debate-1280");
        listed.getByRole(AriaRole.LINK).click();
        sanLorenzo.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Responder")).first().click();
        sanLorenzo.getByLabel("Tu respuesta").fill("@Juan Pablo Arias tenemos los de 2025, los subo al espacio.");
        sanLorenzo.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar la respuesta")).click();
        assertThat(sanLorenzo.locator(".alert-success")).containsText("Tu respuesta está publicada");
        assertThat(sanLorenzo.locator(".reply .post")).containsText("tenemos los de 2025");
        assertThat(sanLorenzo.locator(".reply .post")).containsText("Municipalidad de San Lorenzo");
        Browser.check(sanLorenzo, "conversation-thread-1280");

        salta.navigate("/notifications");
        var mention = salta.locator("li", new Page.LocatorOptions().setHasText("María José Ñáñez te mencionó en «" + title + "»"));
        assertThat(mention).isVisible();
        Browser.check(salta, "conversation-notifications-360");
        mention.getByRole(AriaRole.BUTTON).click();
        assertThat(salta).hasURL(threadUrl);
        assertThat(salta.locator(".reply .post")).containsText("tenemos los de 2025");
        Browser.check(salta, "conversation-thread-360");
        salta.context().close();
        sanLorenzo.context().close();
    }

    @Test
    void aPrivateQuestionIsAnsweredAndOnlyTheAskerAndTheTrainersSeeIt() {
        String title = unique("¿Puedo entregar el ejercicio en PDF escaneado?");
        Page asker = browser().logIn("tecnica.sanlorenzo@aulas.demo", 360);
        asker.navigate("/courses/" + COURSE + "/questions");
        Browser.check(asker, "conversation-questions-360");
        asker.getByLabel("Título").fill(title);
        asker.getByLabel("Mensaje").fill("No tenemos escáner a color en la oficina.");
        asker.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar la consulta")).click();
        assertThat(asker.locator(".alert-success")).containsText("Tu consulta fue enviada");
        String url = asker.url();

        Page trainer = browser().logIn("capacitadora@aulas.demo", 1280);
        trainer.navigate("/notifications");
        trainer.locator("li", new Page.LocatorOptions().setHasText("Nueva consulta: «" + title + "»"))
                .getByRole(AriaRole.BUTTON).click();
        assertThat(trainer).hasURL(url);
        trainer.getByLabel("Tu respuesta").fill("Sí, en blanco y negro se lee bien. Que sea un solo archivo.");
        trainer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar la respuesta")).click();
        Browser.check(trainer, "conversation-question-trainer-1280");

        Page other = browser().logIn("tecnico@aulas.demo", 360);
        other.navigate(url);
        assertThat(other.locator("h1")).containsText("No encontramos");
        other.context().close();

        asker.navigate(url);
        assertThat(asker.locator(".reply .post")).containsText("en blanco y negro se lee bien");
        assertThat(asker.locator(".reply .post")).containsText("Capacitación");
        Browser.check(asker, "conversation-question-answered-360");
        asker.context().close();
        trainer.context().close();
    }

    @Test
    void aSanLorenzoTechnicianCannotOpenSaltasTeamSpace() {
        String salta = institutions.findByCode("MSAL").orElseThrow().getId();
        String sanLorenzo = institutions.findByCode("MSLO").orElseThrow().getId();
        Page page = browser().logIn("tecnica.sanlorenzo@aulas.demo", 360);
        page.navigate("/courses/" + COURSE + "/teams/" + sanLorenzo);
        assertThat(page.locator("h1")).containsText("Municipalidad de San Lorenzo");
        Browser.check(page, "conversation-team-360");
        var response = page.navigate("/courses/" + COURSE + "/teams/" + salta);
        assertThat(response.status()).isEqualTo(404);
        page.navigate("/courses/" + COURSE);
        assertThat(page.locator(".course-links")).not().containsText("Municipalidad de Salta");
        page.context().close();
    }

    @Test
    void theModerationReportTeamsAndPreferencesPagesPassOnAPhoneAndALaptop() {
        String title = unique("Un hilo para moderar");
        Page salta = browser().logIn("tecnico@aulas.demo", 360);
        salta.navigate("/courses/" + COURSE + "/debates/2");
        salta.getByLabel("Título").fill(title);
        salta.getByLabel("Mensaje").fill("Un mensaje que alguien va a reportar.");
        salta.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publicar")).click();
        String thread = salta.url();
        salta.navigate("/account/conversation");
        Browser.check(salta, "conversation-preferences-360");
        salta.context().close();

        Page sanLorenzo = browser().logIn("tecnica.sanlorenzo@aulas.demo", 360);
        sanLorenzo.navigate(thread);
        sanLorenzo.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reportar")).first().click();
        Browser.check(sanLorenzo, "conversation-report-360");
        sanLorenzo.getByLabel("¿Por qué lo reportás?").fill("No corresponde a este encuentro.");
        sanLorenzo.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar el reporte")).click();
        assertThat(sanLorenzo.locator(".alert-success")).containsText("capacitación recibió tu reporte");
        sanLorenzo.context().close();

        Page trainer = browser().logIn("capacitadora@aulas.demo", 1280);
        trainer.navigate("/courses/" + COURSE + "/moderation");
        assertThat(trainer.locator("#reports-heading")).isVisible();
        assertThat(trainer.locator("main")).containsText("No corresponde a este encuentro.");
        Browser.check(trainer, "conversation-moderation-1280");
        trainer.navigate("/courses/" + COURSE + "/teams");
        assertThat(trainer.locator("main")).containsText("Municipalidad de San Lorenzo");
        Browser.check(trainer, "conversation-teams-1280");
        trainer.navigate(thread);
        Browser.check(trainer, "conversation-thread-trainer-1280");
        trainer.context().close();
    }

    @Autowired
    DebateDigest digest;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aDigestsOneClickLinkUnsubscribesInABrowserWithoutLoggingIn() {
        // the application's clock at noon of today: the post and its digest are of the same day whenever this runs
        LocalDate today = LocalDate.now(ZoneId.of("America/Argentina/Salta"));
        fixtures.clock().travelTo(today);
        Page salta = browser().logIn("tecnico@aulas.demo", 360);
        salta.navigate("/courses/" + COURSE + "/debates/1");
        salta.getByLabel("Título").fill(unique("Para el resumen"));
        salta.getByLabel("Mensaje").fill("Un mensaje para el resumen del día.");
        salta.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publicar")).click();
        salta.context().close();
        digest.send(today);
        var mail = mongo.find(Query.query(
                Criteria.where("to").is("tecnica.sanlorenzo@aulas.demo")
                        .and("subject").regex("^Resumen de los debates")), OutboxMessage.class);
        assertThat(mail).isNotEmpty();
        String link = mail.get(mail.size() - 1).getHeaders().get("List-Unsubscribe");
        String path = link.substring(link.indexOf("/unsubscribe"), link.length() - 1);
        Page anonymous = browser().newPage(360);
        anonymous.navigate(path);
        assertThat(anonymous.locator("main")).containsText("María José Ñáñez");
        Browser.check(anonymous, "conversation-unsubscribe-360");
        anonymous.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sí, dejar de recibirlos")).click();
        assertThat(anonymous.locator(".alert-success")).containsText("no vas a recibir más correos de los debates");
        Browser.check(anonymous, "conversation-unsubscribed-360");
        anonymous.context().close();
    }
}
