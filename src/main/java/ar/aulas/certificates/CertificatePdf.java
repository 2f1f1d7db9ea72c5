package ar.aulas.certificates;

import ar.aulas.certificates.CertificateTemplate.Box;
import com.itextpdf.barcodes.BarcodeQRCode;
import com.itextpdf.barcodes.qrcode.EncodeHintType;
import com.itextpdf.barcodes.qrcode.ErrorCorrectionLevel;
import com.itextpdf.io.font.FontProgram;
import com.itextpdf.io.font.FontProgramFactory;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.io.image.ImageData;
import com.itextpdf.io.image.ImageDataFactory;
import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfAConformance;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfOutputIntent;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.kernel.pdf.PdfViewerPreferences;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.WriterProperties;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.xobject.PdfFormXObject;
import com.itextpdf.layout.Canvas;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Text;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.pdfa.PdfADocument;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Renders one certificate as a PDF/A-2B page from its template: background, texts with their
 * placeholders filled in, images, signatures and a vector QR code of the verification URL. Fonts are
 * embedded (subset); colours are sRGB with its output intent, as PDF/A asks.
 */
@Component
class CertificatePdf {

    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    byte[] render(CertificateTemplate template, Map<String, String> values, String verificationUrl, String title,
            String author) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(48 * 1024);
        try (PdfADocument pdf = new PdfADocument(new PdfWriter(out, new WriterProperties().setFullCompressionMode(true)),
                PdfAConformance.PDF_A_2B, new PdfOutputIntent("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1",
                        new ByteArrayInputStream(SRGB)))) {
            pdf.getDocumentInfo().setTitle(title).setAuthor(author).setSubject(verificationUrl);
            pdf.getCatalog().setLang(new PdfString("es-AR"));
            pdf.getCatalog().setViewerPreferences(new PdfViewerPreferences().setDisplayDocTitle(true));
            PdfPage page = pdf.addNewPage(new PageSize(template.width(), template.height()));
            PdfCanvas canvas = new PdfCanvas(page);
            Rectangle whole = new Rectangle(0, 0, template.width(), template.height());
            if (template.background() != null) {
                background(pdf, canvas, template.background(), whole);
            }
            Parsed parsed = parsed(template);
            Map<String, PdfFont> fonts = new HashMap<>();
            for (var font : parsed.fonts().entrySet()) {
                fonts.put(font.getKey(), PdfFontFactory.createFont(font.getValue(), PdfEncodings.IDENTITY_H,
                        PdfFontFactory.EmbeddingStrategy.FORCE_EMBEDDED));
            }
            for (int i = 0; i < template.images().size(); i++) {
                canvas.addImageFittedIntoRectangle(parsed.images().get(i), rect(template.images().get(i).box()), false);
            }
            for (CertificateTemplate.TextBlock text : template.texts()) {
                write(pdf, canvas, text.box(), fill(text.text(), values), fonts.get(text.font()), text.size(),
                        new DeviceRgb(text.rgb() >> 16 & 0xFF, text.rgb() >> 8 & 0xFF, text.rgb() & 0xFF),
                        alignment(text.align()), text.lineHeight());
            }
            for (int i = 0; i < template.signatures().size(); i++) {
                signature(canvas, template.signatures().get(i), parsed.signatures().get(i), fonts);
            }
            qr(pdf, canvas, template.qr(), verificationUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A template's fonts and images parsed once: font programs and decoded images are reusable across
     * documents (each document still embeds its own font subset); parsing them for every certificate
     * was a third of the render time.
     */
    private record Parsed(Map<String, FontProgram> fonts, List<ImageData> images, List<ImageData> signatures) {
    }

    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

    private Parsed parsed(CertificateTemplate template) {
        return parsed.computeIfAbsent(template.file(), k -> {
            try {
                Map<String, FontProgram> fonts = new HashMap<>();
                for (var font : template.fonts().entrySet()) {
                    fonts.put(font.getKey(), FontProgramFactory.createFont(font.getValue()));
                }
                List<ImageData> images = template.images().stream().map(i -> ImageDataFactory.create(i.bytes())).toList();
                List<ImageData> signatures = template.signatures().stream()
                        .map(sig -> sig.image() == null ? null : ImageDataFactory.create(sig.image()))
                        .collect(Collectors.toList());
                return new Parsed(fonts, images, signatures);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static void background(PdfDocument pdf, PdfCanvas canvas, CertificateTemplate.Background bg, Rectangle whole)
            throws IOException {
        if (bg.pdf()) {
            try (PdfDocument source = new PdfDocument(new PdfReader(new ByteArrayInputStream(bg.bytes())))) {
                PdfFormXObject page = source.getFirstPage().copyAsFormXObject(pdf);
                canvas.addXObjectFittedIntoRectangle(page, whole);
            }
        } else {
            canvas.addImageFittedIntoRectangle(ImageDataFactory.create(bg.bytes()), whole, false);
        }
    }

    private static void signature(PdfCanvas canvas, CertificateTemplate.SignatureBlock s, ImageData image,
            Map<String, PdfFont> fonts) {
        Box box = s.box();
        float textHeight = s.size() * 4.4f; // name and up to two lines of role
        float lineY = box.y() + textHeight;
        if (image != null) {
            float imageHeight = box.height() - textHeight - 2;
            canvas.addImageFittedIntoRectangle(image,
                    new Rectangle(box.x(), lineY + 2, box.width(), imageHeight), false);
        }
        canvas.saveState().setStrokeColor(new DeviceRgb(0x44, 0x44, 0x44)).setLineWidth(0.6f)
                .moveTo(box.x() + box.width() * 0.08f, lineY).lineTo(box.x() + box.width() * 0.92f, lineY).stroke()
                .restoreState();
        Paragraph lines = new Paragraph().setMargin(0).setMultipliedLeading(1.15f).setTextAlignment(TextAlignment.CENTER)
                .setFontColor(new DeviceRgb(0x22, 0x22, 0x22));
        lines.add(new Text(s.name() + "\n").setFont(fonts.get(s.nameFont())).setFontSize(s.size()));
        lines.add(new Text(s.role()).setFont(fonts.get(s.font())).setFontSize(s.size() * 0.9f));
        try (Canvas c = new Canvas(canvas, new Rectangle(box.x(), box.y(), box.width(), textHeight - 1))) {
            c.add(lines);
        }
    }

    private static void write(PdfDocument pdf, PdfCanvas canvas, Box box, String text, PdfFont font, float size,
            DeviceRgb color, TextAlignment align, float leading) {
        try (Canvas c = new Canvas(canvas, rect(box))) {
            c.add(new Paragraph(text).setMargin(0).setFont(font).setFontSize(size).setFontColor(color)
                    .setTextAlignment(align).setMultipliedLeading(leading));
        }
    }

    private static void qr(PdfDocument pdf, PdfCanvas canvas, Box box, String url) {
        BarcodeQRCode qr = new BarcodeQRCode(url, Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                EncodeHintType.CHARACTER_SET, "UTF-8"));
        PdfFormXObject form = qr.createFormXObject(ColorConstants.BLACK, pdf);
        canvas.saveState().setFillColor(ColorConstants.WHITE)
                .rectangle(box.x() - 3, box.y() - 3, box.width() + 6, box.height() + 6).fill().restoreState();
        canvas.addXObjectFittedIntoRectangle(form, rect(box));
    }

    private static Rectangle rect(Box box) {
        return new Rectangle(box.x(), box.y(), box.width(), box.height());
    }

    private static TextAlignment alignment(CertificateTemplate.Align align) {
        return switch (align) {
            case LEFT -> TextAlignment.LEFT;
            case CENTER -> TextAlignment.CENTER;
            case RIGHT -> TextAlignment.RIGHT;
            case JUSTIFIED -> TextAlignment.JUSTIFIED;
        };
    }
}
