package ar.aulas.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ar.aulas.accounts.Account;
import ar.aulas.attendance.RollCall;
import ar.aulas.certificates.CertificateScenario;
import ar.aulas.courses.CourseSync;
import ar.aulas.courses.Enrolments;
import ar.aulas.exercises.Grading;
import ar.aulas.exercises.SubmissionWork;
import ar.aulas.support.AccountBuilder;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.Browser;
import ar.aulas.support.Fixtures;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The coordinator issues a cohort's certificates, a technician downloads hers, a phone scans its QR code. */
@AulasIntegrationTest
class CertificateJourneyTests {

    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired Fixtures fixtures;
    @Autowired CourseSync sync;
    @Autowired Enrolments enrolments;
    @Autowired RollCall rollCall;
    @Autowired SubmissionWork work;
    @Autowired Grading grading;
    @Autowired UserDetailsService users;

    @TempDir
    Path root;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theCoordinatorIssuesInBulkTheTechnicianDownloadsAndAPhoneVerifiesTheQr() throws Exception {
        var s = new CertificateScenario(root, 2, fixtures, sync, enrolments, rollCall, work, grading, users);
        Account maria = s.person("María José Núñez", "MSLO");
        List<Account> cohort = List.of(maria, s.person("Ramón Gutiérrez", "MSAL"), s.person("Lucía Peña", "MSAL"));
        s.allPresent(1, cohort).allPresent(2, cohort);
        browser = new Browser(port);

        Page coordinator = browser.logIn("coordinacion@aulas.demo", 1280);
        coordinator.navigate("/courses/" + s.code);
        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Certificados")).click();
        assertThat(coordinator.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Certificados");
        Browser.check(coordinator, "certificates-overview");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Emitir los 3 certificados pendientes"))
                .first().click();
        assertThat(coordinator.getByRole(AriaRole.STATUS)).hasText("Terminada.",
                new LocatorAssertions.HasTextOptions().setTimeout(60_000));
        assertThat(coordinator.locator("main")).containsText("3 de 3 participantes procesados");
        Browser.check(coordinator, "certificates-job-done");
        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Volver a certificados")).click();
        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(s.code + "-A-0001")).click();
        assertThat(coordinator.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Certificado de asistencia " + s.code + "-A-0001");
        assertThat(coordinator.locator("main")).containsText("Emitido");
        Browser.check(coordinator, "certificates-detail");
        coordinator.context().close();

        Page tech = browser.logIn(maria.getEmail(), AccountBuilder.PASSWORD, 360);
        tech.navigate("/courses/" + s.code);
        assertThat(tech.locator("#progress-heading").locator("..")).containsText("Certificado de asistencia: emitido el");
        Browser.check(tech, "certificates-course-home-360");
        Download download = tech.waitForDownload(() -> tech.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Descargar (PDF)")).click());
        Path pdf = Files.createDirectories(Path.of("target", "certificates")).resolve("journey.pdf");
        download.saveAs(pdf);
        tech.context().close();

        String url;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            ImageIO.write(page, "png", Path.of("target", "certificates", "journey.png").toFile());
            url = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))))
                    .getText();
        }
        // no public address configured: the QR points to the host the coordinator issued from
        String publicBaseUrl = "http://localhost:" + port;
        assertThat(url).matches(Pattern.quote(publicBaseUrl) + "/verificar/[2-9A-HJKMNP-Z]{10}");

        Page phone = browser.newPage(360);
        phone.navigate(url.substring(publicBaseUrl.length()));
        assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Certificado válido"))).isVisible();
        assertThat(phone.locator("main")).containsText("María José Núñez");
        assertThat(phone.locator("main")).containsText("**.***.");
        Browser.check(phone, "certificates-verify-360");
        phone.getByLabel("Archivo PDF del certificado").setInputFiles(pdf);
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Comprobar el archivo")).click();
        assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("El archivo es auténtico")))
                .isVisible();
        Browser.check(phone, "certificates-verify-file-360");
        phone.context().close();
    }
}
