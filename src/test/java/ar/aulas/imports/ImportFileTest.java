package ar.aulas.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

class ImportFileTest {

    @Test
    void aUtf8CsvWithBomAndSemicolonsIsRead() {
        byte[] bytes = ("\uFEFFapellido;nombre;dni\r\nNúñez;María José;28.456.789\r\n").getBytes(StandardCharsets.UTF_8);
        ImportFile file = ImportFile.read("gente.csv", bytes, 100);
        assertThat(file.header()).containsExactly("apellido", "nombre", "dni");
        assertThat(file.lines()).singleElement().satisfies(l -> {
            assertThat(l.cells()).containsExactly("Núñez", "María José", "28.456.789");
            assertThat(l.number()).isEqualTo(2);
        });
    }

    @Test
    void aWindows1252CsvWithCommasAsASpanishExcelSavesItIsRead() {
        byte[] bytes = "Apellido,Nombre,Institución\nPeña,Ramón,\"Municipalidad de Salta, Capital\"\n"
                .getBytes(ImportFile.WINDOWS_1252);
        ImportFile file = ImportFile.read("gente.csv", bytes, 100);
        assertThat(file.header()).containsExactly("Apellido", "Nombre", "Institución");
        assertThat(file.lines().get(0).cells()).containsExactly("Peña", "Ramón", "Municipalidad de Salta, Capital");
    }

    @Test
    void blankLinesAreSkippedAndLineNumbersAreThoseOfTheFile() {
        byte[] bytes = "a,b\n\n1,2\n,\n3,4\n".getBytes(StandardCharsets.UTF_8);
        ImportFile file = ImportFile.read("x.csv", bytes, 100);
        assertThat(file.lines()).extracting(ImportFile.Line::number).containsExactly(3, 5);
    }

    @Test
    void theFirstSheetOfAnXlsxIsReadWithNumbersAsDigits() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("Hoja 1");
        sheet.value(0, 0, "DNI");
        sheet.value(0, 1, "Nombre");
        sheet.value(1, 0, 28456789);
        sheet.value(1, 1, "Lucía");
        workbook.finish();
        ImportFile file = ImportFile.read("planilla.xlsx", out.toByteArray(), 100);
        assertThat(file.header()).containsExactly("DNI", "Nombre");
        assertThat(file.lines().get(0).cells()).containsExactly("28456789", "Lucía");
    }

    @Test
    void whatIsNotASpreadsheetIsRefusedSayingSo() {
        assertThatThrownBy(() -> ImportFile.read("x.csv", new byte[0], 10))
                .isInstanceOfSatisfying(ImportRefused.class, e -> assertThat(e.messageKey()).isEqualTo("import.file.empty"));
        assertThatThrownBy(() -> ImportFile.read("informe.pdf", "%PDF-1.7".getBytes(), 10))
                .isInstanceOfSatisfying(ImportRefused.class, e -> assertThat(e.messageKey()).isEqualTo("import.file.notSpreadsheet"));
        assertThatThrownBy(() -> ImportFile.read("falso.xlsx", "a,b\n1,2".getBytes(), 10))
                .isInstanceOfSatisfying(ImportRefused.class, e -> assertThat(e.messageKey()).isEqualTo("import.file.notSpreadsheet"));
        assertThatThrownBy(() -> ImportFile.read("roto.xlsx", new byte[] {'P', 'K', 3, 4, 0, 0}, 10))
                .isInstanceOfSatisfying(ImportRefused.class, e -> assertThat(e.messageKey()).isEqualTo("import.file.badXlsx"));
        assertThatThrownBy(() -> ImportFile.read("binario.csv", new byte[] {'a', 0, 'b'}, 10))
                .isInstanceOfSatisfying(ImportRefused.class, e -> assertThat(e.messageKey()).isEqualTo("import.file.notSpreadsheet"));
        assertThatThrownBy(() -> ImportFile.read("x.csv", "\n\n".getBytes(), 10))
                .isInstanceOfSatisfying(ImportRefused.class, e -> assertThat(e.messageKey()).isEqualTo("import.file.empty"));
    }

    @Test
    void moreRowsThanAllowedAreRefused() {
        StringBuilder csv = new StringBuilder("a\n");
        for (int i = 0; i < 11; i++) {
            csv.append(i).append('\n');
        }
        assertThatThrownBy(() -> ImportFile.read("x.csv", csv.toString().getBytes(), 10))
                .isInstanceOfSatisfying(ImportRefused.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("import.file.tooManyRows");
                    assertThat(e.args()).containsExactly(10);
                });
        assertThat(ImportFile.read("x.csv", csv.toString().getBytes(), 11).lines()).hasSize(11);
        assertThat(List.of()).isEmpty();
    }
}
