package ar.aulas.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ar.aulas.demo.DemoAccounts;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.Browser;
import ar.aulas.support.CourseFolder;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The library's journey in a real Chromium: an institution's coordinator proposes a map, a trainer approves it, a
 * technician finds it on a phone by typing "cartografia" without the accent and opens the PDF in place, and a visitor
 * without an account opens one of the demo's public documents. Every page passes axe and fits 360 or 1280 px.
 */
@AulasIntegrationTest
class LibraryJourneyTests {

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

    @Test
    void aProposedMapIsApprovedFoundWithoutAccentsOpenedOnAPhoneAndThePublicOnesOpenWithoutLogin() {
        String tag = "j" + UUID.randomUUID().toString().substring(0, 6);
        String title = "Cartografía de equipamientos de San Lorenzo " + tag;

        Page coordinator = browser().logIn("coordinacion.sanlorenzo@aulas.demo", 1280);
        coordinator.navigate("/library");
        Browser.check(coordinator, "library-index-coordinator-1280");
        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Proponer un documento")).click();
        Browser.check(coordinator, "library-form-coordinator-1280");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar la propuesta")).click();
        assertThat(coordinator.locator(".error-summary")).containsText("Escribí un título");
        Browser.check(coordinator, "library-form-errors-1280");
        coordinator.getByLabel("Título").fill(title);
        coordinator.getByLabel("Descripción").fill("Escuelas, centros de salud y plazas del municipio.");
        coordinator.getByLabel("Tipo").selectOption("MAP");
        coordinator.getByLabel("Año").fill("2025");
        coordinator.getByLabel("Localidades").fill("San Lorenzo");
        coordinator.getByLabel("Etiquetas").fill("cartografía, equipamientos, " + tag);
        coordinator.getByLabel("Derecho de uso").selectOption("CC_BY");
        coordinator.getByLabel("Archivo", new Page.GetByLabelOptions().setExact(true)).setInputFiles(
                new FilePayload("equipamientos.pdf", "application/pdf", CourseFolder.tinyPdf("equipamientos")));
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar la propuesta")).click();
        assertThat(coordinator.getByRole(AriaRole.STATUS).first()).containsText("te avisamos cuando lo revisen");
        assertThat(coordinator.locator("h1")).hasText(title);
        assertThat(coordinator.locator("body")).containsText("En revisión");
        Browser.check(coordinator, "library-document-proposed-1280");

        Page trainer = browser().logIn("capacitadora@aulas.demo", 1280);
        trainer.navigate("/library/review");
        Browser.check(trainer, "library-review-trainer-1280");
        trainer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
        Browser.check(trainer, "library-document-review-1280");
        trainer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aprobar y publicar")).click();
        assertThat(trainer.getByRole(AriaRole.STATUS).first()).containsText("Aprobaste y publicaste");
        assertThat(trainer.locator("body")).containsText("Publicado");
        Browser.check(trainer, "library-document-trainer-1280");
        // the trainer uses it in encounter 1 and puts it in a new collection
        trainer.getByLabel("Vincularlo a").selectOption(DemoAccounts.COURSE + "|1|module");
        trainer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vincular").setExact(true)).click();
        assertThat(trainer.locator("#uses")).containsText("Encuentro 1");
        String documentUrl = trainer.url();
        trainer.navigate("/library");
        trainer.locator("summary", new Page.LocatorOptions().setHasText("Crear una colección")).click();
        trainer.getByLabel("Título").first().fill("Equipamientos " + tag);
        trainer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Crear la colección")).click();
        assertThat(trainer.locator("h1")).hasText("Equipamientos " + tag);
        trainer.navigate(documentUrl);
        trainer.getByLabel("Agregar a una colección").selectOption(new SelectOption()
                .setLabel("Equipamientos " + tag));
        trainer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Agregar").setExact(true)).click();
        assertThat(trainer.locator("body")).containsText("En las colecciones:");
        trainer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Equipamientos " + tag)).click();
        assertThat(trainer.locator("ol.list-group")).containsText(title);
        Browser.check(trainer, "library-collection-trainer-1280");

        Page phone = browser().logIn("tecnico@aulas.demo", 360);
        phone.navigate("/library");
        Browser.check(phone, "library-index-technician-360");
        phone.getByLabel("Palabras").fill("cartografia " + tag);
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buscar")).click();
        assertThat(phone.locator("body")).containsText("1 documento");
        Browser.check(phone, "library-search-technician-360");
        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
        assertThat(phone.locator("h1")).hasText(title);
        Browser.check(phone, "library-document-technician-360");
        String href = phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ver en el navegador"))
                .getAttribute("href");
        APIResponse shown = phone.request().get(href);
        phone.navigate("/courses/" + DemoAccounts.COURSE + "/modules/1");
        assertThat(phone.locator(".library-related")).containsText(title);
        Browser.check(phone, "library-related-module-technician-360");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.headers().get("content-type")).isEqualTo("application/pdf");
        assertThat(shown.headers().get("content-disposition")).startsWith("inline");
        assertThat(shown.headers().get("content-security-policy")).startsWith("sandbox");

        Page visitor = browser().newPage(360);
        visitor.navigate("/");
        visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Biblioteca pública")).click();
        Browser.check(visitor, "library-public-index-360");
        visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cartografía de áreas inundables del Valle de Lerma"))
                .click();
        assertThat(visitor.locator("h1")).hasText("Cartografía de áreas inundables del Valle de Lerma");
        assertThat(visitor.locator("body")).not().containsText("Lucía");
        Browser.check(visitor, "library-public-document-360");
        String file = visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ver en el navegador"))
                .getAttribute("href");
        APIResponse publicFile = visitor.request().get(file);
        assertThat(publicFile.status()).isEqualTo(200);
        assertThat(publicFile.headers().get("content-disposition")).startsWith("inline");
        assertThat(publicFile.body()).startsWith("%PDF".getBytes());
    }
}
