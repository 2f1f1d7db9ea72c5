package ar.aulas.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ar.aulas.accounts.AccountRegistry;
import ar.aulas.courses.CourseSync;
import ar.aulas.courses.Enrolments;
import ar.aulas.demo.DemoAccounts;
import ar.aulas.exercises.SubmissionRepository;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.Browser;
import ar.aulas.support.CourseFolder;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A person whose session ends while they write gets back to the same form, with what they typed. */
@AulasIntegrationTest
class ExpiredSessionJourneyTests {

    static Browser browser;
    static final Pattern LOGIN_EXPIRED = Pattern.compile(".*/login\\?expired$");

    @LocalServerPort int port;
    @Autowired CourseSync sync;
    @Autowired Enrolments enrolments;
    @Autowired AccountRegistry accounts;
    @Autowired SubmissionRepository submissions;

    @TempDir
    Path temp;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    static void endTheSession(Page page) {
        page.context().clearCookies(new BrowserContext.ClearCookiesOptions().setName("JSESSIONID"));
    }

    static void logInAgain(Page page, String email) {
        page.getByLabel("Correo electrónico o DNI").fill(email);
        page.getByLabel("Contraseña").fill(DemoAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ingresar")).click();
    }

    @Test
    void anAnswerAndAFeedbackTypedWhileTheSessionEndedComeBackAfterLoggingIn() throws Exception {
        browser = browser == null ? new Browser(port) : browser;
        String code = "EXP-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        var f = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
        Path root = temp.resolve("courses");
        CourseFolder.create(root, "vencida", code).moduleWithRubricExercise(1, "inicio", "diagnostico", "individual",
                LocalDateTime.now().minusDays(1).format(f), LocalDateTime.now().plusDays(20).format(f));
        sync.syncAll(root);
        enrolments.enrol(code, accounts.findByEmail("tecnico@aulas.demo").orElseThrow().getId(), null);
        String exercise = "/courses/" + code + "/modules/1/exercises/diagnostico";
        String answer = "Nuestro diagnóstico: la mancha urbana crece sobre suelo productivo del valle de Lerma.";

        Page tech = browser.logIn("tecnico@aulas.demo", 360);
        tech.navigate(exercise);
        tech.getByLabel("Texto de la entrega").fill(answer);
        endTheSession(tech);
        tech.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entregar").setExact(true)).click();
        assertThat(tech).hasURL(LOGIN_EXPIRED);
        assertThat(tech.locator("main")).containsText("Tu sesión terminó. Ingresá de nuevo");
        Browser.check(tech, "session-ended-login-360");
        logInAgain(tech, "tecnico@aulas.demo");
        assertThat(tech).hasURL("http://localhost:" + port + exercise);
        assertThat(tech.getByLabel("Texto de la entrega")).hasValue(answer);
        Browser.check(tech, "session-ended-answer-back-360");
        tech.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entregar").setExact(true)).click();
        assertThat(tech.locator("#receipt")).containsText("Comprobante de entrega");
        assertThat(submissions.findByExerciseId(code + "/1/diagnostico")).singleElement()
                .satisfies(s -> assertThat(s.getAttempts()).hasSize(1));
        tech.context().close();

        Page trainer = browser.logIn("capacitadora@aulas.demo", 1280);
        trainer.navigate(exercise + "/submissions");
        trainer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Juan Pablo Arias")).click();
        String grading = trainer.url();
        trainer.getByLabel("Completo (6 puntos)").check();
        trainer.getByLabel("Ausente (0 puntos)").check();
        trainer.getByLabel("Requiere revisión", new Page.GetByLabelOptions().setExact(true)).check();
        String feedback = "Muy buen diagnóstico; falta el **mapa de actores** con las cuatro comunas.";
        trainer.getByLabel("Devolución (Markdown)").fill(feedback);
        endTheSession(trainer);
        trainer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Guardar nota").setExact(true)).click();
        assertThat(trainer).hasURL(LOGIN_EXPIRED);
        assertThat(trainer.locator("main")).containsText("Tu sesión terminó");
        logInAgain(trainer, "capacitadora@aulas.demo");
        assertThat(trainer).hasURL(grading);
        assertThat(trainer.getByLabel("Devolución (Markdown)")).hasValue(feedback);
        assertThat(trainer.getByLabel("Completo (6 puntos)")).isChecked();
        assertThat(trainer.getByLabel("Ausente (0 puntos)")).isChecked();
        assertThat(trainer.getByLabel("Requiere revisión", new Page.GetByLabelOptions().setExact(true))).isChecked();
        Browser.check(trainer, "session-ended-feedback-back");
        trainer.context().close();
    }

    @Test
    void aFewMinutesBeforeTheSessionEndsThePageWarnsAndKeepsItAliveOnRequest() {
        browser = browser == null ? new Browser(port) : browser;
        Page tech = browser.logIn("tecnico@aulas.demo", 360);
        tech.clock().install();
        tech.navigate("/my/submissions");
        Locator warning = tech.getByRole(AriaRole.ALERTDIALOG);
        assertThat(warning).isHidden();
        tech.clock().fastForward("25:01");
        assertThat(warning).isVisible();
        assertThat(warning).containsText("Tu sesión está por vencer por inactividad");
        Browser.check(tech, "session-warning-360");
        tech.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Seguir conectado")).click();
        assertThat(warning).isHidden();
        tech.clock().fastForward("10:00");
        assertThat(warning).isHidden();
        tech.context().close();
    }

    /** The answer and the feedback are saved on the server while typed (on blur, and every 20 s), and come back. */
    @Test
    void anAnswerAndAFeedbackSavedWhileTypingComeBackInANewBrowser() throws Exception {
        browser = browser == null ? new Browser(port) : browser;
        String code = "AUT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        var f = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
        Path root = temp.resolve("autosave");
        CourseFolder.create(root, "autoguardado", code).moduleWithRubricExercise(1, "inicio", "diagnostico", "individual",
                LocalDateTime.now().minusDays(1).format(f), LocalDateTime.now().plusDays(20).format(f));
        sync.syncAll(root);
        enrolments.enrol(code, accounts.findByEmail("tecnico@aulas.demo").orElseThrow().getId(), null);
        String exercise = "/courses/" + code + "/modules/1/exercises/diagnostico";

        Page tech = browser.logIn("tecnico@aulas.demo", 360);
        tech.clock().install();
        tech.navigate(exercise);
        Locator answer = tech.getByLabel("Texto de la entrega");
        answer.fill("Primer párrafo del diagnóstico.");
        answer.blur();
        assertThat(tech.locator("#text-saved")).containsText("Borrador guardado a las");
        answer.fill("Primer párrafo del diagnóstico. Segundo párrafo, sin salir del campo.");
        tech.evaluate("() => document.getElementById('text-saved').textContent = ''");
        tech.clock().runFor(21_000);
        assertThat(tech.locator("#text-saved")).containsText("Borrador guardado a las");
        Browser.check(tech, "autosave-answer-360");
        tech.context().close();

        Page again = browser.logIn("tecnico@aulas.demo", 1280);
        again.navigate(exercise);
        assertThat(again.getByLabel("Texto de la entrega"))
                .hasValue("Primer párrafo del diagnóstico. Segundo párrafo, sin salir del campo.");
        assertThat(again.locator("main")).containsText("Recuperamos lo que estabas escribiendo");
        Browser.check(again, "autosave-answer-back");
        again.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entregar").setExact(true)).click();
        assertThat(again.locator("#receipt")).containsText("Comprobante de entrega");
        again.context().close();

        Page trainer = browser.logIn("capacitadora@aulas.demo", 1280);
        trainer.navigate(exercise + "/submissions");
        trainer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Juan Pablo Arias")).click();
        String grading = trainer.url();
        Locator feedback = trainer.getByLabel("Devolución (Markdown)");
        feedback.fill("Buen comienzo: falta el **mapa de actores**.");
        feedback.blur();
        assertThat(trainer.locator("#feedback-saved")).containsText("Borrador guardado a las");
        trainer.context().close();
        Page back = browser.logIn("capacitadora@aulas.demo", 360);
        back.navigate(grading);
        assertThat(back.getByLabel("Devolución (Markdown)")).hasValue("Buen comienzo: falta el **mapa de actores**.");
        Browser.check(back, "autosave-feedback-back-360");
        back.context().close();
    }
}
