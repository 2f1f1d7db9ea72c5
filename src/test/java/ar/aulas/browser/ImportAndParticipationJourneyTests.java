package ar.aulas.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The programme coordinator imports a spreadsheet of technicians and follows them on the dashboard. */
@AulasIntegrationTest
class ImportAndParticipationJourneyTests {

    static Browser browser;

    @LocalServerPort
    int port;
    @TempDir
    Path dir;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theCoordinatorImportsTheValidRowsAndSeesEachInstitutionOnTheDashboard() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        int dni = 35_000_000 + (int) (Math.abs(UUID.randomUUID().getLeastSignificantBits()) % 4_000_000);
        Path csv = dir.resolve("tecnicos.csv");
        Files.writeString(csv, String.join("\n",
                "apellido;nombre;dni;email;institución;cargo/área;curso",
                "Ibarra;Sofía;" + dni + ";sofia." + tag + "@salta.gob.ar;MSAL;Catastro;AGC-2026",
                "Quispe;Mateo;" + (dni + 1) + ";mateo." + tag + "@sanlorenzo.gob.ar;MSLO;Obras;AGC-2026",
                "Ruiz;Lía;12.34;lia." + tag + "@salta.gob.ar;MSAL;Catastro;AGC-2026"), StandardCharsets.ISO_8859_1);
        browser = new Browser(port);

        Page coordinator = browser.logIn("coordinacion@aulas.demo", 1280);
        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Importar participantes")).click();
        coordinator.getByLabel("Archivo").setInputFiles(csv);
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revisar el archivo")).click();
        assertThat(coordinator.locator("main")).containsText("Filas con error (no se importan): 1");
        assertThat(coordinator.locator("tr.import-error")).hasCount(1);
        assertThat(coordinator.locator("tr.import-error")).containsText("«12.34» no es un DNI");
        Browser.check(coordinator, "import-preview");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importar solo las 2 filas válidas")).click();
        assertThat(coordinator.getByRole(AriaRole.STATUS)).hasText("Terminada.",
                new LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(coordinator.locator("main")).containsText("Cuentas nuevas");
        Browser.check(coordinator, "import-done");

        coordinator.navigate("/courses/AGC-2026");
        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Participación")).click();
        assertThat(coordinator.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Participación por institución");
        assertThat(coordinator.locator("table.participation-table:not(#attendance-table)")).containsText("Municipalidad de San Lorenzo");
        assertThat(coordinator.locator("#participation-chart")).isVisible();
        // each institution's bars sit under their encounters: one value per encounter, null where none was taken
        Object drawn = coordinator.evaluate("() => Chart.getChart(document.getElementById('participation-chart'))"
                + ".data.datasets.map(d => d.data.length)");
        Object encounters = coordinator.evaluate("() => document.querySelectorAll('#attendance-table thead th[data-session]').length");
        Assertions.assertThat((List<?>) drawn).isNotEmpty()
                .allSatisfy(n -> Assertions.assertThat(((Number) n).intValue()).isEqualTo(((Number) encounters).intValue()));
        Browser.check(coordinator, "participation-programme");
        Download download = coordinator.waitForDownload(() -> coordinator.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Descargar Excel (XLSX)")).click());
        Path xlsx = dir.resolve("participacion.xlsx");
        download.saveAs(xlsx);
        try (ReadableWorkbook book = new ReadableWorkbook(Files.newInputStream(xlsx))) {
            List<Row> rows = book.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Institución");
            assertThat(rows).anyMatch(r -> r.getCellText(0).equals("Municipalidad de San Lorenzo"));
            assertThat(rows.get(rows.size() - 1).getCellText(0)).isEqualTo("Total");
        }
        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Municipalidad de Salta").setExact(true))
                .first().click();
        assertThat(coordinator.locator("main")).containsText("Sofía Ibarra");
        Browser.check(coordinator, "participation-institution");
        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sofía Ibarra")).click();
        assertThat(coordinator.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Sofía Ibarra");
        assertThat(coordinator.locator("main")).containsText("Ejercicios");
        Browser.check(coordinator, "participation-person");
        coordinator.context().close();

        Page sanLorenzo = browser.logIn("coordinacion.sanlorenzo@aulas.demo", 360);
        sanLorenzo.navigate("/courses/AGC-2026/participation");
        assertThat(sanLorenzo.locator("table.participation-table:not(#attendance-table) tbody")).containsText("Municipalidad de San Lorenzo");
        assertThat(sanLorenzo.locator("table.participation-table:not(#attendance-table) tbody")).not().containsText("Municipalidad de Salta ");
        assertThat(sanLorenzo.locator("table.participation-table:not(#attendance-table) tbody tr")).hasCount(1);
        Browser.check(sanLorenzo, "participation-san-lorenzo-360");
        sanLorenzo.context().close();
    }
}
