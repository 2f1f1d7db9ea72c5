package ar.aulas.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateTemplatesTest {

    @TempDir
    Path dir;

    @Test
    void theShippedTemplatesLoadWithoutErrors() {
        CertificatesProperties properties = new CertificatesProperties();
        CertificateTemplates templates = new CertificateTemplates(properties);
        assertThat(templates.errors()).isEmpty();
        assertThat(templates.names()).containsExactlyInAnyOrder("asistencia", "aprobacion");
    }

    @Test
    void aTemplateWithAnUnknownPlaceholderAMissingFontOrImageIsRejectedSayingWhereAndWhy() throws Exception {
        Files.copy(Path.of("certificates/fonts/DejaVuSans.ttf"), dir.resolve("sans.ttf"));
        Files.writeString(dir.resolve("roto.yml"), """
                page: A5
                background: no-existe.pdf
                fonts:
                  sans: sans.ttf
                  serif: falta.ttf
                texts:
                  - text: "Hola {nombre}, {nombreCompleto}"
                    x: 10
                    y: 10
                    width: 100
                    font: negrita
                    color: rojo
                signatures:
                  - image: firma.png
                    name: Alguien
                    x: 10
                    y: 100
                    width: 50
                colour: "#ffffff"
                """);
        Files.writeString(dir.resolve("invalido.yml"), "texts: [\n");
        CertificatesProperties properties = new CertificatesProperties();
        properties.setTemplatesDir(dir.toString());
        CertificateTemplates templates = new CertificateTemplates(properties);

        assertThat(templates.names()).isEmpty();
        List<String> errors = new ArrayList<>();
        templates.errors().forEach(e -> errors.add(e.file().replaceAll(".*/", "") + " " + e.where() + " " + e.key()
                + " " + Arrays.toString(e.args())));
        assertThat(errors).contains(
                "roto.yml page certificate.template.page [A5]",
                "roto.yml background certificate.template.fileMissing [no-existe.pdf]",
                "roto.yml fonts.serif certificate.template.fileMissing [falta.ttf]",
                "roto.yml signatures[1].image certificate.template.fileMissing [firma.png]",
                "roto.yml signatures[1].role certificate.template.required [role]",
                "roto.yml qr certificate.template.qrMissing []");
        assertThat(errors).anyMatch(e -> e.startsWith("roto.yml texts[1].text certificate.template.unknownPlaceholder [{nombre},"));
        assertThat(errors).anyMatch(e -> e.startsWith("roto.yml texts[1].font certificate.template.fontUndeclared [negrita"));
        assertThat(errors).anyMatch(e -> e.startsWith("roto.yml texts[1].color certificate.template.color [rojo]"));
        assertThat(errors).anyMatch(e -> e.startsWith("roto.yml colour certificate.template.unknownKey [colour"));
        assertThat(errors).anyMatch(e -> e.startsWith("invalido.yml null certificate.template.yaml"));
        assertThat(errors).noneMatch(e -> e.contains("unknownPlaceholder [{nombreCompleto}"));
    }
}
