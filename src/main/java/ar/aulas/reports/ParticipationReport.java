package ar.aulas.reports;

import ar.aulas.accounts.AulasUser;
import ar.aulas.attendance.AttendanceSession;
import ar.aulas.attendance.AttendanceStatus;
import ar.aulas.certificates.Certificate;
import ar.aulas.certificates.CertificateType;
import ar.aulas.library.LibraryDocument;
import ar.aulas.library.LibraryReports;
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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The printable participation report of one institution in a course, for the Mesa Ejecutiva: summary
 * figures and one line per participant (attendance per encounter, rate, exercises, certificates); the
 * title, the institution, the date it was printed and "Página i de n" on every page.
 */
@Service
public class ParticipationReport {

    private static final DeviceRgb HEAD = new DeviceRgb(0xF3, 0xEC, 0xE6);
    private final Participation participation;
    private final MessageSource messages;
    private final Formats formats;
    private final Clock clock;

    private final LibraryReports library;

    ParticipationReport(Participation participation, MessageSource messages, Formats formats, Clock clock,
            LibraryReports library) {
        this.library = library;
        this.participation = participation;
        this.messages = messages;
        this.formats = formats;
        this.clock = clock;
    }

    public byte[] render(AulasUser user, String code, String institutionId, Locale locale) {
        Participation.InstitutionView view = participation.institution(user, code, institutionId);
        try {
            return stamp(body(view, locale), view, locale);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The institution's report, published to the library as a new version of that institution's "Informe de
     * participación" for the course (created the first time): for whoever may make the report.
     */
    public LibraryDocument publish(AulasUser user, String code, String institutionId, Locale locale) {
        Participation.InstitutionView view = participation.institution(user, code, institutionId);
        byte[] pdf;
        try {
            pdf = stamp(body(view, locale), view, locale);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return library.participation(user, code, view.course().getTitle(), institutionId, view.institution().getName(), pdf,
                "participacion-" + code + "-" + view.institution().getCode() + ".pdf");
    }

    private byte[] body(Participation.InstitutionView view, Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(out)); Document doc = new Document(pdf, PageSize.A4.rotate())) {
            doc.setMargins(80, 30, 46, 30);
            PagedPdf.Fonts fonts = PagedPdf.fonts();
            PdfFont normal = fonts.normal();
            PdfFont strong = fonts.strong();
            doc.setFont(normal).setFontSize(8.5f);
            Participation.Line l = view.summary();
            doc.add(new Paragraph(msg("participation.summary", locale, l.enrolled(), Formats.percent(l.overall(), locale),
                    l.submitted(), l.approved())).setFont(strong).setFontSize(10));
            List<String> eligibleText = new ArrayList<>();
            for (CertificateType t : view.types()) {
                eligibleText.add(msg(t.key(), locale) + ": " + msg("participation.report.certificates", locale,
                        l.eligible().get(t), l.issued().get(t), l.revoked().get(t)));
            }
            eligibleText.add(msg("participation.postsSummary", locale, l.posts()));
            doc.add(new Paragraph(String.join(" · ", eligibleText)).setMarginBottom(8));
            List<String> header = new ArrayList<>(List.of(msg("account.fullName", locale), msg("account.dni", locale)));
            for (AttendanceSession s : view.sessions()) {
                header.add(s.getNumber() > 1 ? msg("participation.sessionN", locale, s.getModuleNumber(), s.getNumber())
                        : msg("module.number", locale, s.getModuleNumber()));
            }
            header.addAll(List.of(msg("participation.sort.OVERALL", locale), msg("participation.sort.SUBMITTED", locale),
                    msg("participation.sort.APPROVED", locale), msg("participation.posts", locale)));
            view.types().forEach(t -> header.add(msg(t.key(), locale)));
            float[] widths = new float[header.size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = i == 0 ? 18 : i == 1 ? 8 : i >= header.size() - view.types().size() ? 11 : 6;
            }
            Table table = new Table(UnitValue.createPercentArray(widths)).useAllAvailableWidth();
            header.forEach(h -> table.addHeaderCell(new Cell().add(new Paragraph(h).setFont(strong)).setBackgroundColor(HEAD)));
            for (Participation.Person p : view.people()) {
                var account = p.participant().account();
                table.addCell(new Cell().add(new Paragraph(account.getFullName())));
                table.addCell(new Cell().add(new Paragraph(account.getDniFormatted() == null ? "" : account.getDniFormatted())));
                for (AttendanceStatus s : p.statuses()) {
                    table.addCell(new Cell().add(new Paragraph(s == null ? "—" : msg("attendance.status." + s, locale))));
                }
                table.addCell(new Cell().add(new Paragraph(Formats.percent(p.rate(), locale))));
                table.addCell(new Cell().add(new Paragraph(String.valueOf(p.submitted()))));
                table.addCell(new Cell().add(new Paragraph(String.valueOf(p.approved()))));
                table.addCell(new Cell().add(new Paragraph(String.valueOf(p.posts()))));
                for (CertificateType t : view.types()) {
                    Certificate c = p.certificates().get(t);
                    table.addCell(new Cell().add(new Paragraph(c == null ? msg(p.eligibility().get(t).state().key(), locale)
                            : c.getStatus() == Certificate.Status.REVOKED ? c.getNumber() + " · "
                                    + msg("participation.revokedOn", locale, formats.date(c.getRevokedAt()))
                            : c.getNumber())));
                }
            }
            if (view.people().isEmpty()) {
                doc.add(new Paragraph(msg("gradebook.none", locale)));
            } else {
                doc.add(table);
            }
        }
        return out.toByteArray();
    }

    /** The heading, the print date and "Página i de n" on every page, once n is known. */
    private byte[] stamp(byte[] body, Participation.InstitutionView view, Locale locale) {
        String title = msg("participation.report.title", locale, view.institution().getName(),
                view.course().getTitle() + " " + view.course().getEdition());
        String printed = msg("participation.report.printed", locale, formats.dateTime(clock.instant()));
        return PagedPdf.stamp(body, pdf -> pdf.getDocumentInfo().setTitle(title), p -> {
            Rectangle size = p.size();
            p.canvas().showTextAligned(new Paragraph(title).setFont(p.strong()).setFontSize(13), 30, size.getTop() - 34,
                    TextAlignment.LEFT);
            p.canvas().showTextAligned(new Paragraph(msg("participation.report.subtitle", locale)).setFont(p.normal())
                    .setFontSize(9), 30, size.getTop() - 50, TextAlignment.LEFT);
            p.canvas().showTextAligned(new Paragraph(printed).setFont(p.normal()).setFontSize(8)
                    .setFontColor(ColorConstants.DARK_GRAY), 30, 24, TextAlignment.LEFT);
            p.canvas().showTextAligned(new Paragraph(msg("sheet.page", locale, p.number(), p.pages())).setFont(p.normal())
                    .setFontSize(8).setFontColor(ColorConstants.DARK_GRAY), size.getRight() - 30, 24, TextAlignment.RIGHT);
        });
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

}
