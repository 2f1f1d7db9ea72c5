package ar.aulas.attendance;

import ar.aulas.accounts.AulasUser;
import ar.aulas.shared.pdf.PagedPdf;
import ar.aulas.shared.web.Formats;
import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.layout.properties.UnitValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The printable sign-in sheet of a session: participants grouped by institution with name, DNI
 * (12.345.678) and a signature column; course, encounter, date and venue on every page, and
 * "Página i de n". Fonts are embedded (DejaVu, full Spanish glyphs).
 */
@Service
public class SignInSheet {

    private static final float TOP = 86;
    private final RollCall rollCall;
    private final MessageSource messages;
    private final Formats formats;

    SignInSheet(RollCall rollCall, MessageSource messages, Formats formats) {
        this.rollCall = rollCall;
        this.messages = messages;
        this.formats = formats;
    }

    public byte[] render(AulasUser user, String code, int module, Locale locale) {
        return render(user, code, module, 1, locale);
    }

    public byte[] render(AulasUser user, String code, int module, int session, Locale locale) {
        RollCall.Roster roster = rollCall.roster(user, code, module, session);
        try {
            byte[] body = body(roster, locale);
            return stamp(body, roster, locale);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] body(RollCall.Roster roster, Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(out));
                Document doc = new Document(pdf, PageSize.A4)) {
            doc.setMargins(TOP, 36, 50, 36);
            PagedPdf.Fonts fonts = PagedPdf.fonts();
            PdfFont normal = fonts.normal();
            PdfFont strong = fonts.strong();
            doc.setFont(normal).setFontSize(10);
            Table table = new Table(UnitValue.createPercentArray(new float[] {5, 40, 15, 40})).useAllAvailableWidth();
            for (String key : List.of("sheet.number", "sheet.name", "sheet.dni", "sheet.signature")) {
                table.addHeaderCell(new Cell().add(new Paragraph(msg(key, locale)).setFont(strong))
                        .setBackgroundColor(new DeviceRgb(0xF3, 0xEC, 0xE6)));
            }
            int n = 0;
            for (var group : roster.byInstitution().entrySet()) {
                table.addCell(new Cell(1, 4).add(new Paragraph(group.getKey()).setFont(strong))
                        .setBackgroundColor(new DeviceRgb(0xFB, 0xF7, 0xF3)));
                for (RollCall.Line line : group.getValue()) {
                    n++;
                    table.addCell(new Cell().add(new Paragraph(String.valueOf(n))));
                    table.addCell(new Cell().add(new Paragraph(line.person().getFullName())));
                    String dni = line.person().getDniFormatted();
                    table.addCell(new Cell().add(new Paragraph(dni == null ? "" : dni)));
                    table.addCell(new Cell().setHeight(24));
                }
            }
            if (n == 0) {
                doc.add(new Paragraph(msg("gradebook.none", locale)));
            } else {
                doc.add(table);
            }
        }
        return out.toByteArray();
    }

    /** The header and "Página i de n" on every page, once n is known. */
    private byte[] stamp(byte[] body, RollCall.Roster roster, Locale locale) {
        var session = roster.session();
        String title = roster.course().getTitle() + " · " + msg("module.number", locale, session.getModuleNumber());
        String details = msg("sheet.details", locale, formats.date(session.getDate()), session.getStart(),
                session.getEnd(), session.getVenue());
        return PagedPdf.stamp(body, pdf -> { }, p -> {
            Rectangle size = p.size();
            p.canvas().showTextAligned(new Paragraph(msg("sheet.title", locale)).setFont(p.strong()).setFontSize(14),
                    36, size.getTop() - 36, TextAlignment.LEFT);
            p.canvas().showTextAligned(new Paragraph(title).setFont(p.strong()).setFontSize(10),
                    36, size.getTop() - 54, TextAlignment.LEFT);
            p.canvas().showTextAligned(new Paragraph(details).setFont(p.normal()).setFontSize(9),
                    36, size.getTop() - 68, TextAlignment.LEFT);
            p.canvas().showTextAligned(new Paragraph(msg("sheet.page", locale, p.number(), p.pages())).setFont(p.normal())
                    .setFontSize(9).setFontColor(ColorConstants.DARK_GRAY), size.getRight() - 36, 28, TextAlignment.RIGHT);
        });
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

}
