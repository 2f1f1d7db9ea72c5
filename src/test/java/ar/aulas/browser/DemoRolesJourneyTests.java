package ar.aulas.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ar.aulas.demo.DemoAccounts;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Each demo role logs in with a real headless Chromium and sees its own home page. */
@AulasIntegrationTest
class DemoRolesJourneyTests {

    static Browser browser;

    @LocalServerPort
    int port;

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

    private Page logIn(String email, int width) {
        Page page = browser().newPage(width);
        page.navigate("/");
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        page.getByLabel("Correo electrónico o DNI").fill(email);
        page.getByLabel("Contraseña").fill(DemoAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ingresar")).click();
        return page;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "admin@aulas.demo, Administración Aulas, Administración, Cuentas por institución",
            "coordinacion@aulas.demo, Mariana Quiroga, Coordinación, Todo el programa",
            "coordinacion.sanlorenzo@aulas.demo, Esteban Guaymás, Coordinación, Municipalidad de San Lorenzo",
            "capacitadora@aulas.demo, Lucía Fernández Cornejo, Capacitación, Mesa Ejecutiva Metropolitana",
            "tecnico@aulas.demo, Juan Pablo Arias, Participante, Municipalidad de Salta",
            "tecnica.sanlorenzo@aulas.demo, María José Ñáñez, Participante, Municipalidad de San Lorenzo"})
    void eachDemoRoleLogsInAndSeesItsHomePage(String email, String name, String role, String detail) {
        Page page = logIn(email, 1280);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Hola, " + name);
        assertThat(page.locator("main")).containsText(role);
        assertThat(page.locator("main")).containsText(detail);
        assertThat(page.locator("html")).hasAttribute("lang", "es-AR");
        boolean admin = email.startsWith("admin@");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cuentas").setExact(true)))
                .hasCount(admin ? 1 : 0);
        Browser.check(page, "home-" + email.substring(0, email.indexOf('@')));
        assertThat(Files.exists(Browser.SCREENSHOTS.resolve("home-" + email.substring(0, email.indexOf('@')) + ".png"))).isTrue();
        page.context().close();
    }

    @Test
    void aTechnicianOnA360PixelPhoneCanSwitchToEnglishAndLogOut() {
        Page page = logIn("tecnico@aulas.demo", 360);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Hola, Juan Pablo Arias");
        int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertThat(scrollWidth).as("no horizontal scrolling at 360 px").isLessThanOrEqualTo(360);
        Browser.check(page, "home-tecnico-360");

        openMenu(page, "Mostrar u ocultar el menú");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
        page.waitForURL(Pattern.compile(".*lang=en$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Hello, Juan Pablo Arias");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        page.navigate("/");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Hello, Juan Pablo Arias");

        openMenu(page, "Show or hide the menu");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Juan Pablo Arias")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
        assertThat(page.locator(".alert")).containsText("You have logged out.");
        Browser.check(page, "logged-out-360-en");
        page.context().close();
    }

    /** Opens the phone menu and waits for its animation to end, so clicks land where they aim. */
    private static void openMenu(Page page, String toggleName) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(toggleName)).click();
        page.locator("#mainNav.show:not(.collapsing)").waitFor();
    }

    @Test
    void anAdminCreatesAnAccountAfterFixingTheErrorsShownNextToTheFields() {
        Page page = logIn("admin@aulas.demo", 1280);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cuentas").setExact(true)).click();
        Browser.check(page, "admin-accounts");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nueva cuenta")).click();
        page.getByLabel("Nombre completo").fill("Gabriela Tolaba");
        page.getByLabel("Correo electrónico").fill("tecnico@aulas.demo");
        page.getByLabel("DNI").fill("12.34");
        page.getByLabel("Institución", new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel("Municipalidad de Vaqueros"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Guardar")).click();
        assertThat(page.locator("#dni-error")).hasText("El DNI debe tener 7 u 8 dígitos (con o sin puntos).");
        assertThat(page.getByLabel("DNI")).hasAttribute("aria-invalid", "true");
        Browser.check(page, "admin-account-errors");

        page.getByLabel("DNI").fill("35.666.777");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Guardar")).click();
        assertThat(page.locator("#email-error")).hasText("Ya existe una cuenta con ese correo electrónico.");
        page.getByLabel("Correo electrónico").fill("gabriela.tolaba@vaqueros.gob.ar");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Guardar")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Se creó la cuenta de Gabriela Tolaba.");
        assertThat(page.getByLabel("DNI")).hasValue("35.666.777");
        Browser.check(page, "admin-account-created");
        page.context().close();
    }

    @Test
    void aWrongPasswordShowsTheSameClearMessage() {
        Page page = browser().newPage(1280);
        page.navigate("/login");
        page.getByLabel("Correo electrónico o DNI").fill("28.456.789");
        page.getByLabel("Contraseña").fill("no es la contraseña");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ingresar")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("El usuario o la contraseña no son correctos.");
        Browser.check(page, "login-error");
        page.context().close();
    }

    /**
     * The pages a coordinator, a technician and a trainer open most, on a 360 px phone and on a laptop (1280, and
     * through Browser.check 1024 and 1366 px): none wider than the screen, none with an axe violation.
     */
    @Test
    void theMostUsedPagesOfEachRoleFitAPhoneAndALaptop() {
        String course = "/courses/AGC-2026";
        for (int width : new int[] {360, 1280}) {
            Page coordinator = browser().logIn("coordinacion@aulas.demo", width);
            Browser.check(coordinator, "home-coordinator-" + width);
            for (String path : new String[] {course, course + "/enrolments", course + "/certificates",
                    course + "/participation", course + "/attendance"}) {
                coordinator.navigate(path);
                Browser.check(coordinator, "coordinator" + path.replace('/', '-') + "-" + width);
            }
            coordinator.context().close();
            Page tech = browser().logIn("tecnico@aulas.demo", width);
            tech.navigate("/my/submissions");
            Browser.check(tech, "my-submissions-" + width);
            tech.navigate("/account/calendar");
            Browser.check(tech, "calendar-" + width);
            tech.context().close();
            Page trainer = browser().logIn("capacitadora@aulas.demo", width);
            Browser.check(trainer, "home-trainer-" + width);
            trainer.navigate(course + "/modules/1/exercises/mapa-de-actores/submissions");
            Browser.check(trainer, "queue-with-missing-" + width);
            trainer.context().close();
        }
    }
}
