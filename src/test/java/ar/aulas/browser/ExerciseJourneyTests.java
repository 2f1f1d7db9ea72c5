package ar.aulas.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ar.aulas.accounts.AccountRegistry;
import ar.aulas.courses.CourseSync;
import ar.aulas.courses.Enrolments;
import ar.aulas.demo.DemoAccounts;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.Browser;
import ar.aulas.support.CourseFolder;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Submit, grade with a revision request, resubmit, approve, and see it in the gradebook — in Chromium. */
@AulasIntegrationTest
class ExerciseJourneyTests {

    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    CourseSync sync;
    @Autowired
    Enrolments enrolments;
    @Autowired
    AccountRegistry accounts;

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

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void aTechnicianSubmitsTheTrainerAsksForRevisionTheTechnicianResubmitsAndIsApproved() throws Exception {
        String code = "JRN-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        var f = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
        Path root = temp.resolve("courses");
        CourseFolder.create(root, "jornada", code).moduleWithRubricExercise(1, "inicio", "diagnostico", "individual",
                LocalDateTime.now().minusDays(1).format(f), LocalDateTime.now().plusDays(20).format(f));
        sync.syncAll(root);
        enrolments.enrol(code, accounts.findByEmail("tecnico@aulas.demo").orElseThrow().getId(), null);
        Path pdf = temp.resolve("diagnóstico del municipio.pdf");
        Files.write(pdf, CourseFolder.tinyPdf("diagnostico"));
        String exercise = "/courses/" + code + "/modules/1/exercises/diagnostico";

        Page tech = logIn("tecnico@aulas.demo", 390);
        tech.navigate("/courses/" + code + "/modules/1");
        assertThat(tech.locator("main")).containsText("Sin empezar");
        tech.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ejercicio diagnostico")).click();
        tech.getByLabel("Texto de la entrega").fill("Nuestro diagnóstico: crecimiento sobre suelo productivo.");
        tech.getByLabel("Agregar archivos").setInputFiles(pdf);
        button(tech, "Entregar").click();
        assertThat(tech.locator("#receipt")).containsText("Comprobante de entrega");
        assertThat(tech.locator("#receipt")).containsText("SHA-256");
        Browser.check(tech, "exercise-receipt-360");

        Page trainer = logIn("capacitadora@aulas.demo", 1280);
        trainer.navigate(exercise + "/submissions");
        assertThat(trainer.locator("main")).containsText("Entregado: 1");
        trainer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Juan Pablo Arias")).click();
        trainer.getByLabel("Incompleto (2 puntos)").check();
        trainer.getByLabel("Ausente (0 puntos)").check();
        trainer.getByLabel("Requiere revisión", new Page.GetByLabelOptions().setExact(true)).check();
        trainer.getByLabel("Devolución (Markdown)").fill("Falta el **mapa** de actores.");
        Browser.check(trainer, "grading-page");
        button(trainer, "Guardar nota").click();
        assertThat(trainer.getByRole(AriaRole.STATUS).first()).containsText("Nota guardada.");

        tech.navigate(exercise);
        assertThat(tech.locator("main")).containsText("Requiere revisión");
        assertThat(tech.locator("main")).containsText("Falta el mapa de actores.");
        assertThat(tech.locator("main")).containsText("2 de 10 puntos");
        tech.getByLabel("Texto de la entrega").fill("Diagnóstico con el mapa de actores incluido.");
        Path corrected = temp.resolve("diagnóstico corregido.pdf");
        Files.write(corrected, CourseFolder.tinyPdf("corregido"));
        tech.getByLabel("Agregar archivos").setInputFiles(corrected);
        tech.getByLabel("Reemplazar los archivos adjuntos por los que subo ahora").check();
        Browser.check(tech, "exercise-resubmit-replacing-360");
        button(tech, "Entregar").click();
        assertThat(tech.locator("#receipt")).containsText("Intento 2");
        assertThat(tech.locator("#receipt")).containsText("diagnóstico_corregido.pdf");
        assertThat(tech.locator("#receipt")).not().containsText("diagnóstico_del_municipio.pdf");

        trainer.navigate(exercise + "/submissions");
        trainer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Juan Pablo Arias")).click();
        assertThat(trainer.locator("main")).containsText("Intento 1");
        assertThat(trainer.locator("main")).containsText("Calificar el intento 2");
        trainer.getByLabel("Completo (6 puntos)").check();
        trainer.getByLabel("Presente (4 puntos)").check();
        trainer.getByLabel("Aprobado", new Page.GetByLabelOptions().setExact(true)).check();
        button(trainer, "Guardar nota").click();
        assertThat(trainer.locator("main")).containsText("Historial de la nota");

        trainer.navigate("/courses/" + code + "/gradebook");
        Locator line = trainer.locator("tr", new Page.LocatorOptions().setHasText("Juan Pablo Arias"));
        assertThat(line).containsText("Calificado");
        assertThat(line).containsText("10");
        assertThat(line).containsText("Aprobado");
        Browser.check(trainer, "gradebook");

        Download download = trainer.waitForDownload(() -> trainer.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Descargar Excel (XLSX)")).click());
        Path xlsx = temp.resolve("notas.xlsx");
        download.saveAs(xlsx);
        try (ReadableWorkbook book = new ReadableWorkbook(xlsx.toFile())) {
            List<Row> rows = book.getFirstSheet().read();
            Row row = rows.stream().filter(r -> r.getCellText(1).equals("Juan Pablo Arias")).findFirst().orElseThrow();
            assertThat(row.getCellText(2)).isEqualTo("28.456.789");
            assertThat(row.getCellText(3)).isEqualTo("Calificado");
            assertThat(row.getCellAsNumber(4).orElseThrow()).isEqualByComparingTo("10");
            assertThat(row.getCellText(5)).isEqualTo("Aprobado");
        }

        trainer.navigate(exercise + "/submissions");
        trainer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Otorgar o quitar prórrogas")).click();
        assertThat(trainer.locator("main")).containsText("Nadie tiene prórroga.");
        trainer.getByLabel("Participante o equipo").selectOption(new SelectOption()
                .setLabel("Juan Pablo Arias"));
        trainer.getByLabel("Nueva fecha de entrega").fill(LocalDateTime.now().plusDays(30).withHour(18).withMinute(0)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        button(trainer, "Guardar prórroga").click();
        assertThat(trainer.getByRole(AriaRole.STATUS).first()).containsText("Se otorgó la prórroga.");
        assertThat(trainer.locator("main")).containsText("Juan Pablo Arias: hasta el "
                + LocalDateTime.now().plusDays(30).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " 18:00");
        Browser.check(trainer, "exercise-extensions");

        tech.navigate(exercise);
        assertThat(tech.locator("main")).containsText("Calificado");
        assertThat(tech.locator("main")).containsText("10 de 10 puntos");
        assertThat(tech.locator("main")).containsText("Mapa de actores: Presente (4 puntos)");
        assertThat(tech.locator("main")).containsText("Tu prórroga: entregá hasta "
                + LocalDateTime.now().plusDays(30).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " 18:00");
        Browser.check(tech, "exercise-approved-360");
        tech.context().close();
        trainer.context().close();
    }
}
