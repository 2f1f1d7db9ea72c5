package ar.aulas.shared.files;

import com.itextpdf.kernel.exceptions.BadPasswordException;
import com.itextpdf.kernel.exceptions.MemoryLimitsAwareException;
import com.itextpdf.kernel.pdf.MemoryLimitsAwareHandler;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.ReaderProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Whether a file really is what its extension says, by its structure and not by its first bytes
 * alone: an OOXML file has the main part of its kind in {@code [Content_Types].xml}, an ODF file
 * the right {@code mimetype} entry, a PDF opens (within memory limits) and has pages, an image has
 * a valid header of its format and a sane size. Nothing of it may look like HTML where a browser
 * sniffs. Every ZIP is read through {@link ZipLimits}, so no check expands a bomb.
 */
public final class FileContent {

    /** What refused a file: a caller shows its own message for each. */
    public enum Verdict { OK, DISGUISED, PROTECTED, BOMB }

    private static final Map<String, String> OOXML_MAIN = Map.of(
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml");
    private static final Map<String, String> ODF_MIMETYPE = Map.of(
            "odt", "application/vnd.oasis.opendocument.text",
            "ods", "application/vnd.oasis.opendocument.spreadsheet",
            "odp", "application/vnd.oasis.opendocument.presentation");
    /** Where browsers sniff (the first 1,024 bytes), no markup that could be rendered as a page. */
    private static final Pattern MARKUP = Pattern.compile("<\\s*(html|script|body|iframe|svg|!doctype|head|meta|object|embed)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final long MAX_PIXELS = 100_000_000L;
    private static final int PDF_MAX_STREAM = 100 * 1024 * 1024;
    private static final long PDF_MAX_STREAMS_SUM = 200L * 1024 * 1024;

    private final ZipLimits limits;

    public FileContent(ZipLimits limits) {
        this.limits = limits;
    }

    /** Checks a file of {@code extension} (lower case, no dot). */
    public Verdict check(String extension, Path file) throws IOException {
        String ext = extension.toLowerCase(Locale.ROOT);
        if (OOXML_MAIN.containsKey(ext) || ODF_MIMETYPE.containsKey(ext)) {
            return office(ext, file);
        }
        if (looksLikeMarkup(file)) {
            return Verdict.DISGUISED;
        }
        return switch (ext) {
            case "pdf" -> pdf(file);
            case "png", "jpg", "jpeg" -> image(ext, file);
            default -> Verdict.OK;
        };
    }

    private Verdict office(String ext, Path file) throws IOException {
        try (ZipLimits.Checked zip = limits.open(file)) {
            if (OOXML_MAIN.containsKey(ext)) {
                String types = zip.text("[Content_Types].xml", 1024 * 1024);
                return types != null && types.contains(OOXML_MAIN.get(ext)) ? Verdict.OK : Verdict.DISGUISED;
            }
            // ODF: the first entry is "mimetype", stored uncompressed, naming the document's type exactly
            if (zip.names().isEmpty() || !"mimetype".equals(zip.names().get(0))) {
                return Verdict.DISGUISED;
            }
            String mimetype = zip.text("mimetype", 200);
            return mimetype != null && mimetype.trim().equals(ODF_MIMETYPE.get(ext)) ? Verdict.OK : Verdict.DISGUISED;
        } catch (ZipLimits.Refused refused) {
            return refused.reason() == ZipLimits.Reason.NOT_ZIP ? Verdict.DISGUISED : Verdict.BOMB;
        }
    }

    private static Verdict pdf(Path file) {
        MemoryLimitsAwareHandler memory = new MemoryLimitsAwareHandler();
        memory.setMaxSizeOfSingleDecompressedPdfStream(PDF_MAX_STREAM);
        memory.setMaxSizeOfDecompressedPdfStreamsSum(PDF_MAX_STREAMS_SUM);
        try (PdfDocument pdf = new PdfDocument(new PdfReader(file.toFile(),
                new ReaderProperties().setMemoryLimitsAwareHandler(memory)))) {
            return pdf.getNumberOfPages() > 0 ? Verdict.OK : Verdict.DISGUISED;
        } catch (BadPasswordException e) {
            return Verdict.PROTECTED;
        } catch (MemoryLimitsAwareException e) {
            return Verdict.BOMB;
        } catch (IOException | RuntimeException e) {
            return Verdict.DISGUISED;
        }
    }

    /** Reads the header only (never the pixels): a valid one of the right format, of a sane size. */
    private static Verdict image(String ext, Path file) throws IOException {
        String format = ext.equals("png") ? "png" : "jpeg";
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Verdict.DISGUISED;
            }
            ImageReader reader = readers.next();
            try {
                if (!reader.getFormatName().equalsIgnoreCase(format)) {
                    return Verdict.DISGUISED;
                }
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                return pixels <= 0 ? Verdict.DISGUISED : pixels > MAX_PIXELS ? Verdict.BOMB : Verdict.OK;
            } catch (IOException | RuntimeException e) {
                return Verdict.DISGUISED;
            } finally {
                reader.dispose();
            }
        }
    }

    private static boolean looksLikeMarkup(Path file) throws IOException {
        byte[] head = new byte[1024];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return MARKUP.matcher(new String(head, 0, n, StandardCharsets.ISO_8859_1)).find();
    }
}
