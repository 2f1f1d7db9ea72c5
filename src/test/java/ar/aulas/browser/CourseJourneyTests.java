package ar.aulas.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ar.aulas.demo.DemoAccounts;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.Browser;
import ar.aulas.support.CourseFolder;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The course as people use it, in a real headless Chromium, on the demo data and the real course. */
@AulasIntegrationTest
class CourseJourneyTests {

    static Browser browser;

    @LocalServerPort
    int port;

    @TempDir
    Path temp;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private Page logIn(String email, int width) {
        if (browser == null) {
            browser = new Browser(port);
        }
        return browser.logIn(email, width);
    }

    @Test
    void theTechnicianReadsAModuleMarksAReadingReadAndDownloadsItsAttachment() throws Exception {
        Page page = logIn("tecnico@aulas.demo", 1280);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mis cursos").setExact(true)).click();
        page.locator("main").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Aulas de Gestión de Ciudades"))
                .click();
        assertThat(page.locator("main")).containsText("Encuentro 1");
        assertThat(page.locator("main")).containsText("Salón de la Mesa Ejecutiva Metropolitana");
        Browser.check(page, "course-home-tecnico");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Lineamientos estratégicos metropolitanos y gestión del territorio").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Lineamientos estratégicos metropolitanos y gestión del territorio");
        assertThat(page.locator("main")).containsText("Objetivos");
        Browser.check(page, "course-module-1");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Qué son los lineamientos estratégicos metropolitanos")).click();
        assertThat(page.locator("article")).containsText("directrices de ordenamiento");
        var marked = page.getByText("Marcaste esta lectura como leída.");
        if (marked.count() == 0) {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Marcar como leída")).click();
        }
        assertThat(page.getByText("Marcaste esta lectura como leída.")).isVisible();
        Browser.check(page, "course-reading");

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("guia-encuentro-1.pdf")).click());
        assertThat(download.suggestedFilename()).isEqualTo("guia-encuentro-1.pdf");
        Path saved = temp.resolve("guia.pdf");
        download.saveAs(saved);
        assertThat(new String(Files.readAllBytes(saved), 0, 5, StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");

        page.locator("main").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Aulas de Gestión de Ciudades")
                .setExact(true)).click();
        assertThat(page.locator("main")).containsText("Leíste el");
        page.context().close();
    }

    @Test
    void theTrainerUploadsAPdfAndTheTechnicianSeesIt() throws Exception {
        Path pdf = temp.resolve("Cronograma del encuentro 2.pdf");
        Files.write(pdf, CourseFolder.tinyPdf("cronograma"));
        String title = "Cronograma " + System.nanoTime();

        Page trainer = logIn("capacitadora@aulas.demo", 1280);
        trainer.navigate("/courses/AGC-2026/modules/2");
        trainer.getByLabel("Título").fill(title);
        trainer.getByLabel("Archivo (si el tipo es archivo)").setInputFiles(pdf);
        trainer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Agregar").setExact(true)).click();
        assertThat(trainer.getByRole(AriaRole.STATUS).first()).containsText("Los participantes ya lo ven.");
        Browser.check(trainer, "course-module-2-trainer");
        trainer.context().close();

        Page technician = logIn("tecnico@aulas.demo", 360);
        technician.navigate("/courses/AGC-2026/modules/2");
        assertThat(technician.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title))).isVisible();
        Browser.check(technician, "course-module-2-tecnico-360");
        technician.context().close();
    }

    @Test
    void anEditorSeesTheSyncReportAndSyncsAgainWithNoChange() {
        Page admin = logIn("admin@aulas.demo", 1280);
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cursos").setExact(true)).click();
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sincronizar cursos")).click();
        assertThat(admin.getByRole(AriaRole.STATUS).first()).containsText("Se sincronizó 1 curso.");
        assertThat(admin.locator("main")).containsText(Pattern.compile("aulas-gestion-ciudades-2026"));
        assertThat(admin.locator("main")).containsText("Sin cambios");
        Browser.check(admin, "admin-course-sync");
        admin.context().close();
    }
}
