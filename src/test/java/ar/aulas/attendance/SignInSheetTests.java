package ar.aulas.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ar.aulas.courses.CourseSync;
import ar.aulas.courses.Enrolments;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.CourseFolder;
import ar.aulas.support.Fixtures;
import ar.aulas.support.Sessions;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@AulasIntegrationTest
class SignInSheetTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CourseSync sync;
    @Autowired
    Enrolments enrolments;

    @TempDir
    Path root;

    @Test
    void theSheetListsEveryoneByInstitutionWithDniAndRepeatsTheHeaderOnEveryPage() throws Exception {
        String code = "PLA-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        CourseFolder.create(root, "p", code).module(1, "inicio", "Inicio");
        sync.syncAll(root);
        enrolments.enrol(code, fixtures.participant().named("María José Ñáñez Güemes").dni("31234568").of("MSLO")
                .create().getId(), null);
        for (int i = 0; i < 44; i++) {
            enrolments.enrol(code, fixtures.participant().of(i % 2 == 0 ? "MSAL" : "MCER").create().getId(), null);
        }
        var trainer = Sessions.demo(mvc, "capacitadora@aulas.demo");
        byte[] pdf = mvc.perform(get("/courses/" + code + "/modules/1/attendance/sheet.pdf").session(trainer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/sign-in-sheet.pdf"), pdf);

        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(2);
            StringBuilder all = new StringBuilder();
            for (int i = 1; i <= pages; i++) {
                String text = PdfTextExtractor.getTextFromPage(doc.getPage(i));
                assertThat(text).contains("Planilla de asistencia", "Curso de prueba " + code, "Encuentro 1",
                        "10/03/2026", "Salón de prueba", "Página " + i + " de " + pages);
                all.append(text);
            }
            assertThat(all.toString()).contains("María José Ñáñez Güemes", "31.234.568", "Municipalidad de San Lorenzo",
                    "Municipalidad de Salta", "Municipalidad de Cerrillos", "Firma");
        }
        var participant = Sessions.demo(mvc, "tecnico@aulas.demo");
        mvc.perform(get("/courses/" + code + "/modules/1/attendance/sheet.pdf").session(participant))
                .andExpect(status().isNotFound());
    }
}
