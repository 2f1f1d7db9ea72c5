package ar.aulas.shared.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Writes a table as CSV (UTF-8 with BOM and ';', as a Spanish Excel opens it) or XLSX. Cells that
 * a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return) are
 * neutralised with a leading apostrophe.
 */
public final class SheetExport {

    private SheetExport() {
    }

    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell == null ? "" : cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    /**
     * As {@link #csv(OutputStream, List, List, java.util.Locale)} in the language of the request: the ';' CSV is the
     * one a Spanish Excel opens, so its decimal numbers carry a comma ("66,7") in Spanish; English keeps the point.
     */
    public static void csv(OutputStream out, List<String> header, List<List<String>> rows) throws IOException {
        csv(out, header, rows, LocaleContextHolder.getLocale());
    }

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");

    static String decimal(String cell, Locale locale) {
        if (cell != null && "es".equals(locale.getLanguage()) && DECIMAL.matcher(cell).matches()) {
            return cell.replace('.', ',');
        }
        return cell;
    }

    public static void csv(OutputStream out, List<String> header, List<List<String>> rows, Locale locale)
            throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(';')
                .setRecordSeparator("\r\n").get())) {
            printer.printRecord(header.stream().map(SheetExport::neutralise).toList());
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(cell -> neutralise(decimal(cell, locale))).toList());
            }
        }
    }

    public static void xlsx(OutputStream out, String sheetName, List<String> header, List<List<String>> rows)
            throws IOException {
        Workbook workbook = new Workbook(out, "Aulas", "1.0");
        Worksheet sheet = workbook.newWorksheet(sheetName.length() > 31 ? sheetName.substring(0, 31) : sheetName);
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
            sheet.style(0, c).bold().set();
        }
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                String value = row.get(c);
                if (value != null && value.matches("-?\\d+(\\.\\d+)?")) {
                    sheet.value(r + 1, c, Double.parseDouble(value));
                } else {
                    sheet.value(r + 1, c, neutralise(value));
                }
            }
        }
        workbook.finish();
    }
}
