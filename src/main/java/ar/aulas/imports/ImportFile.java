package ar.aulas.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ar.aulas.shared.files.ZipLimits;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
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
    private static final String XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    /** What a file may hold, checked while it is read: rows (blank ones included), columns and cell length. */
    record Limits(int maxRows, int maxColumns, int maxCellLength, ZipLimits zip) {

        static Limits of(ImportsProperties properties) {
            return new Limits(properties.getMaxRows(), properties.getMaxColumns(), properties.getMaxCellLength(),
                    new ZipLimits(properties.getMaxUncompressedSize().toBytes(), 1_000, properties.getMaxCompressionRatio()));
        }
    }

    /** With the default limits but for the number of rows. */
    static ImportFile read(String fileName, byte[] bytes, int maxRows) {
        ImportsProperties defaults = new ImportsProperties();
        defaults.setMaxRows(maxRows);
        return read(fileName, bytes, Limits.of(defaults));
    }

    static ImportFile read(String fileName, byte[] bytes, Limits limits) {
        if (bytes.length == 0) {
            throw new ImportRefused("import.file.empty");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        boolean zip = bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        if (zip || name.endsWith(".xlsx")) {
            if (!zip) {
                throw new ImportRefused("import.file.notSpreadsheet");
            }
            return xlsx(bytes, limits);
        }
        if (!name.endsWith(".csv") && !name.endsWith(".txt")) {
            throw new ImportRefused("import.file.notSpreadsheet");
        }
        String text = decode(bytes);
        if (text.indexOf('\0') >= 0) {
            throw new ImportRefused("import.file.notSpreadsheet");
        }
        return csv(text, limits);
    }

    /**
     * UTF-8 when the bytes are valid UTF-8 (a BOM is dropped); Windows-1252 when they hold no UTF-8
     * sequence at all (as a Spanish Excel saves them). A UTF-8 file with a bad byte is refused naming
     * its line and byte, instead of being read as Windows-1252 into wrong letters.
     */
    static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            int bad = Utf8.firstInvalid(bytes, start);
            if (bad >= 0 && (start == 3 || Utf8.hasMultiByteSequence(bytes, start))) {
                int line = 1;
                for (int i = 0; i < bad; i++) {
                    if (bytes[i] == '\n') {
                        line++;
                    }
                }
                throw new ImportRefused("import.file.badUtf8", String.valueOf(line), String.format("0x%02X", bytes[bad] & 0xFF),
                        String.valueOf(bad + 1));
            }
            return new String(bytes, WINDOWS_1252);
        }
    }

    private static ImportFile csv(String text, Limits limits) {
        String firstLine = text.lines().findFirst().orElse("");
        char separator = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        List<Line> lines = new ArrayList<>();
        List<String> header = null;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(true)
                .setTrim(true).get().parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                int number = (int) parser.getCurrentLineNumber();
                if (number > limits.maxRows() + 1) {
                    throw new ImportRefused("import.file.tooManyRows", limits.maxRows());
                }
                List<String> cells = record.toList();
                checkRow(number, cells.size(), limits);
                for (int i = 0; i < cells.size(); i++) {
                    checkCell(number, i, cells.get(i), limits);
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (header == null) {
                    header = cells;
                    continue;
                }
                lines.add(new Line(number, cells));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new ImportRefused("import.file.badCsv", e.getMessage() == null ? "" : e.getMessage());
        }
        if (header == null) {
            throw new ImportRefused("import.file.empty");
        }
        return new ImportFile(header, lines);
    }

    /**
     * The ZIP is checked first (entries, sizes, ratio, and every entry inflated within the limit), so the
     * reader below can expand nothing larger; then rows, columns and cells are checked as they stream.
     */
    private static ImportFile xlsx(byte[] bytes, Limits limits) {
        try (ZipLimits.Checked zip = limits.zip().open(bytes)) {
            String types = zip.text("[Content_Types].xml", 1024 * 1024);
            if (types == null || !types.contains(XLSX_MAIN)) {
                throw new ImportRefused("import.file.notSpreadsheet");
            }
            zip.inflateAll();
        } catch (ZipLimits.Refused refused) {
            throw switch (refused.reason()) {
                case NOT_ZIP -> new ImportRefused("import.file.badXlsx");
                case TOO_MANY_ENTRIES -> new ImportRefused("import.file.badXlsx");
                case TOO_LARGE -> new ImportRefused("import.file.tooLargeUncompressed",
                        limits.zip().maxTotalBytes() / (1024 * 1024));
                case RATIO -> new ImportRefused("import.file.suspiciousCompression");
            };
        } catch (IOException e) {
            throw new ImportRefused("import.file.badXlsx");
        }
        List<Line> lines = new ArrayList<>();
        List<String> header = null;
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getFirstSheet();
            try (var rows = sheet.openStream()) {
                for (Row row : (Iterable<Row>) rows::iterator) {
                    if (row.getRowNum() > limits.maxRows() + 1) {
                        throw new ImportRefused("import.file.tooManyRows", limits.maxRows());
                    }
                    checkRow(row.getRowNum(), row.getCellCount(), limits);
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        String cell = text(row, i);
                        checkCell(row.getRowNum(), i, cell, limits);
                        cells.add(cell);
                    }
                    if (cells.stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    if (header == null) {
                        header = cells;
                        continue;
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

    private static void checkRow(int number, int cells, Limits limits) {
        if (cells > limits.maxColumns()) {
            throw new ImportRefused("import.file.tooManyColumns", String.valueOf(number), limits.maxColumns());
        }
    }

    private static void checkCell(int row, int column, String value, Limits limits) {
        if (value != null && value.length() > limits.maxCellLength()) {
            throw new ImportRefused("import.file.cellTooLong", String.valueOf(row), columnName(column), limits.maxCellLength());
        }
    }

    /** A, B, … Z, AA… as a spreadsheet names its columns. */
    static String columnName(int index) {
        StringBuilder name = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            name.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return name.toString();
    }

    /** A DNI typed as a number comes back as 28456789 (or 2.8456789E7): read it as digits. */
    private static String text(Row row, int i) {
        if (!row.hasCell(i) || row.getCell(i) == null) {
            return "";
        }
        var cell = row.getCell(i);
        if (cell.getType() == CellType.NUMBER) {
            return cell.asNumber().stripTrailingZeros().toPlainString();
        }
        return cell.getText() == null ? "" : cell.getText().trim();
    }

    private static long count(String line, char c) {
        return line.chars().filter(ch -> ch == c).count();
    }
}
