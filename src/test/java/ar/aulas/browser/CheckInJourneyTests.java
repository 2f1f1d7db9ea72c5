package ar.aulas.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ar.aulas.accounts.AccountRegistry;
import ar.aulas.courses.CourseSync;
import ar.aulas.courses.Enrolments;
import ar.aulas.shared.Salta;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.Browser;
import ar.aulas.support.CourseFolder;
import ar.aulas.support.Fixtures;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The trainer opens check-in; the technician types the projected code and appears as Presente on the roster. */
@AulasIntegrationTest
class CheckInJourneyTests {

    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    CourseSync sync;
    @Autowired
    Enrolments enrolments;
    @Autowired
    AccountRegistry accounts;
    @Autowired
    Fixtures fixtures;

    @TempDir
    Path temp;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aTechnicianChecksInWithTheProjectedCodeAndAppearsPresentOnTheRoster() {
        String code = "CIJ-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        // the application's clock stands at noon of today (09:00 in Salta on a UTC machine), so the encounter started five minutes
        // ago on the same day whatever the hour the suite runs (it failed near midnight in Salta)
        fixtures.clock().travelTo(LocalDate.now(fixtures.clock().getZone()));
        ZonedDateTime now = fixtures.clock().instant().atZone(Salta.ZONE);
        ZonedDateTime start = now.minusMinutes(5);
        ZonedDateTime end = start.plusHours(3);
        if (!end.toLocalDate().equals(start.toLocalDate())) {
            end = start.withHour(23).withMinute(59);
        }
        Path root = temp.resolve("courses");
        CourseFolder.create(root, "hoy", code).moduleOn(1, "hoy", start.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                start.format(DateTimeFormatter.ofPattern("HH:mm")), end.format(DateTimeFormatter.ofPattern("HH:mm")));
        sync.syncAll(root);
        enrolments.enrol(code, accounts.findByEmail("tecnico@aulas.demo").orElseThrow().getId(), null);

        browser = new Browser(port);
        Page trainer = browser.logIn("capacitadora@aulas.demo", 1280);
        trainer.navigate("/courses/" + code + "/modules/1/attendance");
        trainer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Abrir registro con código (20 minutos)")).click();
        String projected = trainer.locator(".check-in-code").textContent().strip();
        assertThat(trainer.locator(".check-in-qr svg")).isVisible();
        Browser.check(trainer, "check-in-projected");

        Page tech = browser.logIn("tecnico@aulas.demo", 360);
        tech.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mostrar u ocultar el menú")).click();
        tech.locator("#mainNav.show:not(.collapsing)").waitFor();
        tech.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Registrar asistencia")).click();
        tech.getByLabel("Código").fill(projected);
        tech.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrar").setExact(true)).click();
        assertThat(tech.getByRole(AriaRole.STATUS).first()).containsText("quedaste registrado como presente");
        Browser.check(tech, "check-in-done-360");

        trainer.navigate("/courses/" + code + "/modules/1/attendance");
        assertThat(trainer.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Juan Pablo Arias"))
                .getByLabel("Presente")).isChecked();
        trainer.context().close();
        tech.context().close();
    }
}
