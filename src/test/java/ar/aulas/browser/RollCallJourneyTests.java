package ar.aulas.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The trainer takes the roll of encounter 3 of the real course on a phone; the technician sees the mark. */
@AulasIntegrationTest
class RollCallJourneyTests {

    static Browser browser;

    @LocalServerPort
    int port;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theTrainerMarksEveryonePresentAdjustsOneAndTheTechnicianSeesIt() {
        browser = new Browser(port);
        Page trainer = browser.logIn("capacitadora@aulas.demo", 360);
        trainer.navigate("/courses/AGC-2026/modules/3");
        trainer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Asistencia al encuentro")).click();
        assertThat(trainer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Asistencia del encuentro 3");
        trainer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Todos presentes (luego ajustá)")).click();
        assertThat(trainer.getByRole(AriaRole.ALERTDIALOG)).containsText("¿Confirmás?");
        Browser.check(trainer, "roll-call-confirm-360");
        trainer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Sí, marcar present"))).click();
        assertThat(trainer.getByRole(AriaRole.STATUS).first()).containsText("como presente");
        Locator juan = trainer.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Juan Pablo Arias"));
        juan.getByLabel("Tarde").check();
        trainer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Guardar asistencia")).click();
        assertThat(trainer.getByRole(AriaRole.STATUS).first()).containsText("Asistencia guardada: 1 cambio.");
        Browser.check(trainer, "roll-call-360");
        trainer.context().close();

        Page tech = browser.logIn("tecnico@aulas.demo", 1280);
        tech.navigate("/courses/AGC-2026/modules/3");
        assertThat(tech.locator("#activities").locator("..")).containsText("Tarde");
        Browser.check(tech, "module-3-attendance");
        tech.context().close();
    }
}
