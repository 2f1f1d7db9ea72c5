package ar.aulas.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.aulas.support.Bombs;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Spreadsheets built to expand beyond any heap are refused before they expand, each naming why. */
class ImportBombsTest {

    static byte[] gigabyteCell;

    @BeforeAll
    static void build() throws Exception {
        gigabyteCell = Bombs.hugeCell(1L << 30);
    }

    static void refused(byte[] file, String key) {
        assertThatThrownBy(() -> ImportFile.read("gente.xlsx", file, 10_000))
                .isInstanceOfSatisfying(ImportRefused.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    @Test
    void aHarmlessWorkbookOfTheSameMakeIsRead() throws Exception {
        ImportFile file = ImportFile.read("gente.xlsx", Bombs.harmless(), 10_000);
        assertThat(file.header()).containsExactly("apellido", "nombre");
        assertThat(file.lines().get(0).cells()).containsExactly("Núñez", "Ana");
    }

    @Test
    void aOneMegabyteFileWhoseCellExpandsToAGigabyteIsRefusedByItsSize() {
        assertThat(gigabyteCell.length).isLessThan(2 * 1024 * 1024);
        refused(gigabyteCell, "import.file.tooLargeUncompressed");
    }

    @Test
    void theSameBombLyingAboutItsSizeIsStoppedWhileInflating() {
        byte[] liar = Bombs.lyingAboutSize(gigabyteCell, "xl/worksheets/sheet1.xml", 1_000);
        assertThatThrownBy(() -> ImportFile.read("gente.xlsx", liar, 10_000))
                .isInstanceOfSatisfying(ImportRefused.class, e -> assertThat(e.messageKey())
                        .isIn("import.file.tooLargeUncompressed", "import.file.suspiciousCompression", "import.file.badXlsx"));
    }

    @Test
    void twentyMillionCellsInTwoMegabytesAreRefused() throws Exception {
        byte[] file = Bombs.manyCells(20_000_000);
        assertThat(file.length).isLessThan(4 * 1024 * 1024);
        refused(file, "import.file.tooLargeUncompressed");
    }

    @Test
    void gigabytesOfBlankRowsAreRefusedAndFewerBlankRowsStillCountAsRows() throws Exception {
        refused(Bombs.blankRows(200_000_000L, false), "import.file.tooLargeUncompressed");
        refused(Bombs.blankRows(20_000, true), "import.file.tooManyRows");
    }

    @Test
    void aCellLongerThanAThousandCharactersIsRefusedNamingIt() throws Exception {
        assertThatThrownBy(() -> ImportFile.read("gente.xlsx", Bombs.longCell(1_001), 10_000))
                .isInstanceOfSatisfying(ImportRefused.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("import.file.cellTooLong");
                    assertThat(e.args()).containsExactly("2", "A", 1_000);
                });
        assertThat(ImportFile.read("gente.xlsx", Bombs.longCell(1_000), 10_000).lines()).hasSize(1);
    }

    @Test
    void aRowWiderThan256ColumnsIsRefused() throws Exception {
        refused(Bombs.wideRow(257), "import.file.tooManyColumns");
        assertThat(ImportFile.read("gente.xlsx", Bombs.wideRow(256), 10_000).header()).hasSize(256);
    }

    @Test
    void aZipThatIsNotAWorkbookIsNotReadAsOne() throws Exception {
        refused(Bombs.zip("programa.exe", "MZ"), "import.file.notSpreadsheet");
        refused(Bombs.zip("[Content_Types].xml", "<Types><Override ContentType=\"application/vnd.openxmlformats-officedocument"
                + ".wordprocessingml.document.main+xml\"/></Types>", "word/document.xml", "<w/>"), "import.file.notSpreadsheet");
    }

    @Test
    void aCsvWithLongCellsOrTooManyLinesIsRefusedToo() {
        refused(("apellido\n" + "x".repeat(1_001) + "\n").getBytes(StandardCharsets.UTF_8), "import.file.cellTooLong", "x.csv");
        refused(("apellido\n" + "\n".repeat(20_000) + "Núñez\n").getBytes(StandardCharsets.UTF_8), "import.file.tooManyRows",
                "x.csv");
    }

    @Test
    void aUtf8CsvWithOneBadByteNamesTheLineAndTheByteInsteadOfGuessingWindows1252() {
        byte[] good = "apellido;nombre\nNúñez;Ana\nPérez;Luis\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 1];
        int at = "apellido;nombre\nNúñez;Ana\nP".getBytes(StandardCharsets.UTF_8).length;
        System.arraycopy(good, 0, bad, 0, at);
        bad[at] = (byte) 0xE9;
        System.arraycopy(good, at, bad, at + 1, good.length - at);
        assertThatThrownBy(() -> ImportFile.read("x.csv", bad, 10))
                .isInstanceOfSatisfying(ImportRefused.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("import.file.badUtf8");
                    assertThat(e.args()).containsExactly("3", "0xE9", String.valueOf(at + 1));
                });
    }

    static void refused(byte[] file, String key, String name) {
        assertThatThrownBy(() -> ImportFile.read(name, file, 10_000))
                .isInstanceOfSatisfying(ImportRefused.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }
}
