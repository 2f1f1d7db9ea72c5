package ar.aulas.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hostile files made on the spot: XLSX files whose one sheet expands far beyond its size, with the
 * parts a real workbook has, so only the limits stand between them and the reader.
 */
public final class Bombs {

    private Bombs() {
    }

    /** Writes the body of the sheet's {@code <sheetData>}. */
    @FunctionalInterface
    public interface SheetData {
        void write(OutputStream out) throws IOException;
    }

    /** A workbook with one sheet whose data is written by {@code data}, compressed as hard as zlib can. */
    public static byte[] xlsx(SheetData data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            put(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                    </Types>""");
            put(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                    </Relationships>""");
            put(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                    <sheets><sheet name="Hoja1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            put(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                    </Relationships>""");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>")
                    .getBytes(StandardCharsets.UTF_8));
            data.write(zip);
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** A sheet with a header and one person: a real, harmless file. */
    public static byte[] harmless() throws IOException {
        return xlsx(out -> out.write(("<row r=\"1\">" + inline("A1", "apellido") + inline("B1", "nombre") + "</row>"
                + "<row r=\"2\">" + inline("A2", "Núñez") + inline("B2", "Ana") + "</row>").getBytes(StandardCharsets.UTF_8)));
    }

    /** One inline cell of {@code bytes} letters (1 GB makes a ~1 MB file). */
    public static byte[] hugeCell(long bytes) throws IOException {
        return xlsx(out -> {
            out.write("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>".getBytes(StandardCharsets.US_ASCII));
            repeat(out, (byte) 'A', bytes);
            out.write("</t></is></c></row>".getBytes(StandardCharsets.US_ASCII));
        });
    }

    /** {@code count} tiny numeric cells, 1,000 to a row. */
    public static byte[] manyCells(int count) throws IOException {
        return xlsx(out -> {
            StringBuilder row = new StringBuilder();
            for (int r = 0; r < count / 1000; r++) {
                row.setLength(0);
                row.append("<row r=\"").append(r + 1).append("\">");
                for (int c = 0; c < 1000; c++) {
                    row.append("<c><v>1</v></c>");
                }
                row.append("</row>");
                out.write(row.toString().getBytes(StandardCharsets.US_ASCII));
            }
        });
    }

    /** A header, then {@code blank} empty rows, then one person; rows numbered when {@code numbered}. */
    public static byte[] blankRows(long blank, boolean numbered) throws IOException {
        return xlsx(out -> {
            out.write(("<row r=\"1\">" + inline("A1", "apellido") + "</row>").getBytes(StandardCharsets.US_ASCII));
            if (numbered) {
                StringBuilder rows = new StringBuilder();
                for (long i = 0; i < blank; i++) {
                    rows.append("<row r=\"").append(i + 2).append("\"/>");
                }
                out.write(rows.toString().getBytes(StandardCharsets.US_ASCII));
            } else {
                byte[] chunk = "<row/>".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
                for (long i = 0; i < blank; i += 10_000) {
                    out.write(chunk);
                }
            }
            out.write(("<row>" + inline("A1", "Núñez") + "</row>").getBytes(StandardCharsets.UTF_8));
        });
    }

    /** A plain ZIP of the named entries, each holding its text. */
    public static byte[] zip(String... namesAndTexts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                put(zip, namesAndTexts[i], namesAndTexts[i + 1]);
            }
        }
        return bytes.toByteArray();
    }

    /** A header and one row whose first cell has {@code length} letters. */
    public static byte[] longCell(int length) throws IOException {
        return xlsx(out -> out.write(("<row r=\"1\">" + inline("A1", "apellido") + "</row><row r=\"2\">"
                + inline("A2", "x".repeat(length)) + "</row>").getBytes(StandardCharsets.US_ASCII)));
    }

    /** A header row of {@code columns} cells. */
    public static byte[] wideRow(int columns) throws IOException {
        return xlsx(out -> {
            StringBuilder row = new StringBuilder("<row r=\"1\">");
            for (int c = 0; c < columns; c++) {
                row.append("<c t=\"inlineStr\"><is><t>c").append(c).append("</t></is></c>");
            }
            out.write(row.append("</row>").toString().getBytes(StandardCharsets.US_ASCII));
        });
    }

    /**
     * The same archive with the sheet's uncompressed size in the central directory and local header
     * rewritten to {@code declared}: a reader trusting the header would expect a small part.
     */
    public static byte[] lyingAboutSize(byte[] zip, String entry, int declared) {
        byte[] out = zip.clone();
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 < out.length; i++) {
            boolean central = out[i] == 'P' && out[i + 1] == 'K' && out[i + 2] == 1 && out[i + 3] == 2;
            boolean local = out[i] == 'P' && out[i + 1] == 'K' && out[i + 2] == 3 && out[i + 3] == 4;
            if (central && matches(out, i + 46, name)) {
                writeInt(out, i + 24, declared);
            } else if (local && matches(out, i + 30, name)) {
                writeInt(out, i + 22, declared);
            }
        }
        // the data descriptor after the entry repeats the size: rewrite it too
        for (int i = 0; i + 16 < out.length; i++) {
            if (out[i] == 'P' && out[i + 1] == 'K' && out[i + 2] == 7 && out[i + 3] == 8) {
                writeInt(out, i + 12, declared);
            }
        }
        return out;
    }

    private static boolean matches(byte[] bytes, int at, byte[] name) {
        if (at + name.length > bytes.length) {
            return false;
        }
        for (int k = 0; k < name.length; k++) {
            if (bytes[at + k] != name[k]) {
                return false;
            }
        }
        return true;
    }

    private static void writeInt(byte[] bytes, int at, int value) {
        bytes[at] = (byte) value;
        bytes[at + 1] = (byte) (value >>> 8);
        bytes[at + 2] = (byte) (value >>> 16);
        bytes[at + 3] = (byte) (value >>> 24);
    }

    private static String inline(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    private static void repeat(OutputStream out, byte b, long count) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, b);
        for (long left = count; left > 0; left -= chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, left));
        }
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
