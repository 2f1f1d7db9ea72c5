package ar.aulas.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import ar.aulas.shared.export.SheetExport;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Numbers as a reader in Salta writes them (decimal comma), and as an English reader does. */
class FormatsTest {

    static final Locale ES = Locale.forLanguageTag("es-AR");

    @Test
    void percentagesAndScoresCarryADecimalCommaInSpanishAndAPointInEnglish() {
        assertThat(Formats.percent(new BigDecimal("66.7"), ES)).isEqualTo("66,7\u00a0%");
        assertThat(Formats.percent(new BigDecimal("100"), ES)).isEqualTo("100,0\u00a0%");
        assertThat(Formats.percent(null, ES)).isEqualTo("—");
        assertThat(Formats.percent(new BigDecimal("66.7"), Locale.ENGLISH)).isEqualTo("66.7\u00a0%");
        assertThat(Formats.number(new BigDecimal("7.50"), ES)).isEqualTo("7,5");
        assertThat(Formats.number(new BigDecimal("1250"), ES)).as("no thousands mark in a score").isEqualTo("1250");
        assertThat(Formats.number(new BigDecimal("7.25"), Locale.ENGLISH)).isEqualTo("7.25");
        assertThat(Formats.number((Number) null, ES)).isEmpty();
    }

    @Test
    void theSemicolonCsvWritesDecimalsWithACommaInSpanishOnly() throws Exception {
        var header = List.of("Nombre", "DNI", "Asistencia", "Entregas");
        List<List<String>> rows = List.of(List.of("Ana Pérez", "30.123.456", "66.7", "3"));
        var es = new ByteArrayOutputStream();
        SheetExport.csv(es, header, rows, ES);
        assertThat(es.toString(StandardCharsets.UTF_8)).contains("Ana Pérez;30.123.456;66,7;3");
        var en = new ByteArrayOutputStream();
        SheetExport.csv(en, header, rows, Locale.ENGLISH);
        assertThat(en.toString(StandardCharsets.UTF_8)).contains("Ana Pérez;30.123.456;66.7;3");
    }
}
