package ar.aulas.shared.pdf;

import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.layout.Canvas;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.springframework.core.io.ClassPathResource;

/**
 * Printable reports with a heading and "Página i de n" on every page: the body is laid out first, then a
 * second pass stamps each page once the number of pages is known. Fonts are the DejaVu shipped in the jar
 * (full Spanish glyphs), embedded as subsets.
 */
public final class PagedPdf {

    private static final byte[] REGULAR = font("fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = font("fonts/DejaVuSans-Bold.ttf");

    /** What a page stamp draws with: the page's canvas and size, its number, the page count, and both fonts. */
    public record Page(Canvas canvas, Rectangle size, int number, int pages, PdfFont normal, PdfFont strong) {
    }

    /** The regular and bold fonts for one document (a PdfFont belongs to a single document). */
    public record Fonts(PdfFont normal, PdfFont strong) {
    }

    private PagedPdf() {
    }

    public static Fonts fonts() {
        try {
            return new Fonts(PdfFontFactory.createFont(REGULAR, PdfEncodings.IDENTITY_H),
                    PdfFontFactory.createFont(BOLD, PdfEncodings.IDENTITY_H));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code stamp} on every page of {@code body}; {@code document} may set metadata first. */
    public static byte[] stamp(byte[] body, Consumer<PdfDocument> document, Consumer<Page> stamp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(body)), new PdfWriter(out))) {
            document.accept(pdf);
            Fonts fonts = fonts();
            int pages = pdf.getNumberOfPages();
            for (int i = 1; i <= pages; i++) {
                var page = pdf.getPage(i);
                Rectangle size = page.getPageSize();
                try (Canvas canvas = new Canvas(new PdfCanvas(page), size)) {
                    stamp.accept(new Page(canvas, size, i, pages, fonts.normal(), fonts.strong()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] font(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Missing font " + path, e);
        }
    }
}
