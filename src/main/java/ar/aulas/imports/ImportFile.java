package ar.aulas.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * A spreadsheet of people read as a header and rows of strings: CSV in UTF-8 (with or without BOM) or
 * Windows-1252 (as a Spanish Excel saves it), with ',' or ';' (whichever the header uses), or the
 * first sheet of an XLSX. Each row keeps its line number in the file, for the error messages.
 */
record ImportFile(List<String> header, List<Line> lines) {

    record Line(int number, List<String> cells) {
    }

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    static ImportFile read(String fileName, byte[] bytes, int maxRows) {
        if (bytes.length == 0) {
            throw new ImportRefused("import.file.empty");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        boolean zip = bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        if (zip || name.endsWith(".xlsx")) {
            if (!zip) {
                throw new ImportRefused("import.file.notSpreadsheet");
            }
            return xlsx(bytes, maxRows);
        }
        if (!name.endsWith(".csv") && !name.endsWith(".txt")) {
            throw new ImportRefused("import.file.notSpreadsheet");
        }
        String text = decode(bytes);
        if (text.indexOf('\0') >= 0) {
            throw new ImportRefused("import.file.notSpreadsheet");
        }
        return csv(text, maxRows);
    }

    /** UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), Windows-1252 otherwise. */
    static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    private static ImportFile csv(String text, int maxRows) {
        String firstLine = text.lines().findFirst().orElse("");
        char separator = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        List<Line> lines = new ArrayList<>();
        List<String> header = null;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(true)
                .setTrim(true).get().parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (header == null) {
                    header = cells;
                    continue;
                }
                if (lines.size() == maxRows) {
                    throw new ImportRefused("import.file.tooManyRows", maxRows);
                }
                lines.add(new Line((int) parser.getCurrentLineNumber(), cells));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new ImportRefused("import.file.badCsv", e.getMessage() == null ? "" : e.getMessage());
        }
        if (header == null) {
            throw new ImportRefused("import.file.empty");
        }
        return new ImportFile(header, lines);
    }

    private static ImportFile xlsx(byte[] bytes, int maxRows) {
        List<Line> lines = new ArrayList<>();
        List<String> header = null;
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getFirstSheet();
            try (var rows = sheet.openStream()) {
                for (Row row : (Iterable<Row>) rows::iterator) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        cells.add(text(row, i));
                    }
                    if (cells.stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    if (header == null) {
                        header = cells;
                        continue;
                    }
                    if (lines.size() == maxRows) {
                        throw new ImportRefused("import.file.tooManyRows", maxRows);
                    }
                    lines.add(new Line(row.getRowNum(), cells));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImportRefused refused) {
                throw refused;
            }
            throw new ImportRefused("import.file.badXlsx");
        }
        if (header == null) {
            throw new ImportRefused("import.file.empty");
        }
        return new ImportFile(header, lines);
    }

    /** A DNI typed as a number comes back as 28456789 (or 2.8456789E7): read it as digits. */
    private static String text(Row row, int i) {
        if (!row.hasCell(i) || row.getCell(i) == null) {
            return "";
        }
        var cell = row.getCell(i);
        if (cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER) {
            return cell.asNumber().stripTrailingZeros().toPlainString();
        }
        return cell.getText() == null ? "" : cell.getText().trim();
    }

    private static long count(String line, char c) {
        return line.chars().filter(ch -> ch == c).count();
    }
}
