package ar.aulas.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Real small files of each accepted type, and files that only pretend to be one. */
public final class SampleFiles {

    private SampleFiles() {
    }

    public static byte[] docx() {
        return zip(Map.of("[Content_Types].xml", "<Types><Override PartName=\"/word/document.xml\" ContentType=\""
                + "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>",
                "word/document.xml", "<w:document/>"), null);
    }

    public static byte[] odt() {
        return zip(Map.of("content.xml", "<office:document-content/>"), "application/vnd.oasis.opendocument.text");
    }

    public static byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A ZIP with a program inside, to be named .docx, .xlsx or .odt. */
    public static byte[] zipWithProgram() {
        return zip(Map.of("programa.exe", "MZ\u0090\u0000"), null);
    }

    /** PNG's eight magic bytes, then a page. */
    public static byte[] pngWithHtml() {
        return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
                "<html><body><script>alert(document.cookie)</script></body></html>".getBytes(StandardCharsets.US_ASCII));
    }

    /** PDF's magic, then a page. */
    public static byte[] pdfWithHtml() {
        return "%PDF-1.4\n<html><script>alert(document.cookie)</script></html>\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Entries in order; an ODF {@code mimetype} first and stored uncompressed when given. */
    private static byte[] zip(Map<String, String> entries, String odfMimetype) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                if (odfMimetype != null) {
                    byte[] type = odfMimetype.getBytes(StandardCharsets.US_ASCII);
                    ZipEntry entry = new ZipEntry("mimetype");
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(type.length);
                    CRC32 crc = new CRC32();
                    crc.update(type);
                    entry.setCrc(crc.getValue());
                    zip.putNextEntry(entry);
                    zip.write(type);
                    zip.closeEntry();
                }
                for (var e : new LinkedHashMap<>(entries).entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
