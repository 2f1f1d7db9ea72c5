package ar.aulas.demo;

import ar.aulas.accounts.AulasUser;
import ar.aulas.institutions.Institution;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.library.LibraryCatalog;
import ar.aulas.library.LibraryContributions;
import ar.aulas.library.LibraryDocument;
import ar.aulas.library.LibraryDocument.Type;
import ar.aulas.library.LibraryDocument.UsageRight;
import ar.aulas.library.LibraryDocument.Visibility;
import ar.aulas.library.LibraryReview;
import ar.aulas.shared.files.BytesUpload;
import ar.aulas.shared.pdf.PagedPdf;
import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.Paragraph;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * A small library of plausible documents about the Área Metropolitana de Salta, made here (PDFs drawn with
 * iText, a data sheet with fastexcel; no outside content): public, programme-wide and one institution's, one with
 * two versions, one approved proposal and one still waiting for review.
 */
@Component
class DemoLibrary {

    private static final Logger log = LoggerFactory.getLogger(DemoLibrary.class);

    private final LibraryContributions contributions;
    private final LibraryReview review;
    private final LibraryCatalog catalog;
    private final InstitutionDirectory institutions;
    private final UserDetailsService users;

    DemoLibrary(LibraryContributions contributions, LibraryReview review, LibraryCatalog catalog,
            InstitutionDirectory institutions, UserDetailsService users) {
        this.contributions = contributions;
        this.review = review;
        this.catalog = catalog;
        this.institutions = institutions;
        this.users = users;
    }

    void seed() {
        if (!catalog.isEmpty()) {
            return;
        }
        Map<String, String> id = Map.of("MSAL", code("MSAL"), "MSLO", code("MSLO"), "MCER", code("MCER"),
                "MRLE", code("MRLE"), "MCQU", code("MCQU"), "MEM", code("MEM"));
        AulasUser trainer = user("capacitadora@aulas.demo");
        AulasUser sanLorenzo = user("tecnica.sanlorenzo@aulas.demo");
        AulasUser salta = user("tecnico@aulas.demo");
        add(trainer, new LibraryDocument.Details("Estado de situación del Área Metropolitana de Salta: insumos",
                "Síntesis de los insumos que cada institución aportó para el estado de situación: población, suelo urbano, "
                        + "servicios y movilidad en los municipios del Valle de Lerma.",
                Type.REPORT, 2026, "es", List.of(id.get("MEM")), List.of("Salta", "San Lorenzo", "Cerrillos", "Vaqueros"),
                List.of(1, 2), List.of("estado de situación", "diagnóstico"), UsageRight.CC_BY, Visibility.PUBLIC, null),
                pdf("Estado de situación del Área Metropolitana de Salta", List.of(
                        "Insumos reunidos en los encuentros 1 y 2 de las Aulas de Gestión de Ciudades.",
                        "Población: el área reúne a los municipios del Valle de Lerma alrededor de la ciudad de Salta.",
                        "Suelo urbano: crecimiento hacia el norte (Vaqueros, La Caldera) y el sur (Cerrillos, Rosario de Lerma).",
                        "Servicios: agua, saneamiento y residuos se gestionan por jurisdicción, con acuerdos parciales.",
                        "Movilidad: el transporte interurbano une los municipios con el centro de Salta."), false),
                "estado-de-situacion.pdf", "Primera síntesis");
        add(trainer, new LibraryDocument.Details("Cartografía de áreas inundables del Valle de Lerma",
                "Mapa esquemático de las áreas inundables y de los cauces principales, para el modelo territorial del "
                        + "encuentro 3.",
                Type.MAP, 2025, "es", List.of(id.get("MCER"), id.get("MRLE"), id.get("MCQU")),
                List.of("Cerrillos", "Rosario de Lerma", "Campo Quijano"), List.of(3), List.of("cartografía", "riesgo hídrico"),
                UsageRight.CC_BY, Visibility.PUBLIC, null),
                pdf("Áreas inundables del Valle de Lerma", List.of("Esquema elaborado para el encuentro 3: cauces (azul) "
                        + "y áreas inundables (celeste) entre Campo Quijano, Rosario de Lerma y Cerrillos."), true),
                "areas-inundables.pdf", null);
        LibraryDocument presentation = add(trainer, new LibraryDocument.Details(
                "Encuentro 1: factores de la gestión metropolitana",
                "La presentación del primer encuentro: los cuatro factores que sostienen la gestión metropolitana.",
                Type.PRESENTATION, 2026, "es", List.of(), List.of(), List.of(1), List.of("gestión metropolitana"),
                UsageRight.INTERNAL, Visibility.PROGRAMME, null),
                pdf("Factores de la gestión metropolitana", List.of("1. Institucionalidad.", "2. Financiamiento.",
                        "3. Planificación.", "4. Participación."), false), "encuentro-1.pdf", "La presentada en el encuentro");
        try {
            contributions.addVersion(trainer, presentation.getId(), new LibraryContributions.Content(new BytesUpload(
                    "encuentro-1-v2.pdf", "application/pdf", pdf("Factores de la gestión metropolitana", List.of(
                            "1. Institucionalidad.", "2. Financiamiento.", "3. Planificación.", "4. Participación.",
                            "Con los aportes de las instituciones en el encuentro."), false)), null,
                    "Con los aportes del encuentro"));
        } catch (RuntimeException e) {
            log.warn("Demo library: second version not added", e);
        }
        add(trainer, new LibraryDocument.Details("Relevamiento de transporte interurbano",
                "Frecuencias y tiempos de viaje entre los municipios y el centro de Salta, por línea.",
                Type.DATA, 2025, "es", List.of(id.get("MSAL"), id.get("MSLO")), List.of("Salta", "San Lorenzo", "Vaqueros"),
                List.of(2), List.of("movilidad", "datos abiertos"), UsageRight.PUBLIC_DOMAIN, Visibility.PROGRAMME, null),
                xlsx(), "transporte-interurbano.xlsx", null);
        add(trainer, new LibraryDocument.Details("Guía para formular perfiles de proyecto metropolitanos",
                "Cómo pasar de la propuesta de actuación a un perfil de proyecto con objetivos, actores y costos.",
                Type.GUIDE, 2026, "es", List.of(), List.of(), List.of(4, 5), List.of("proyectos", "guía"), UsageRight.CC_BY,
                Visibility.PUBLIC, null),
                pdf("Perfiles de proyecto metropolitanos", List.of("1. El problema y el territorio.",
                        "2. Objetivos y resultados esperados.", "3. Actores e instituciones.", "4. Costos y financiamiento."),
                        false), "guia-perfiles.pdf", null);
        LibraryDocument ordinance = add(sanLorenzo, new LibraryDocument.Details(
                "Ordenanza de usos del suelo de San Lorenzo (texto ordenado)",
                "El texto ordenado vigente, con sus zonas y usos admitidos.", Type.REGULATION, 2023, "es",
                List.of(id.get("MSLO")), List.of("San Lorenzo"), List.of(3), List.of("normativa", "usos del suelo"),
                UsageRight.AUTHOR_PERMISSION, Visibility.INSTITUTION, id.get("MSLO")),
                pdf("Ordenanza de usos del suelo — San Lorenzo", List.of("Texto ordenado (resumen para el programa).",
                        "Zona residencial de baja densidad, zona mixta y zona de protección de quebradas."), false),
                "ordenanza-usos-suelo.pdf", null);
        if (ordinance != null) {
            review.approve(trainer, ordinance.getId());
        }
        add(salta, new LibraryDocument.Details("Plan de movilidad de la Municipalidad de Salta (borrador)",
                "El borrador del plan, para sumarlo a los insumos del estado de situación.", Type.REPORT, 2026, "es",
                List.of(id.get("MSAL")), List.of("Salta"), List.of(2), List.of("movilidad", "plan"),
                UsageRight.AUTHOR_PERMISSION, Visibility.PROGRAMME, null),
                pdf("Plan de movilidad — borrador", List.of("Diagnóstico, objetivos y primeras medidas."), false),
                "plan-movilidad.pdf", "Borrador para revisión");
    }

    private LibraryDocument add(AulasUser by, LibraryDocument.Details details, byte[] bytes, String name, String note) {
        try {
            String type = name.endsWith(".pdf") ? "application/pdf"
                    : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            return contributions.add(by, details, new LibraryContributions.Content(new BytesUpload(name, type, bytes), null, note));
        } catch (RuntimeException e) {
            log.warn("Demo library: «{}» not added", details.title(), e);
            return null;
        }
    }

    /** A one-page PDF with a title and paragraphs, and (for a map) a schematic drawing of rivers and flood areas. */
    static byte[] pdf(String title, List<String> paragraphs, boolean map) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(out)); Document doc = new Document(pdf, PageSize.A4)) {
            PagedPdf.Fonts fonts = PagedPdf.fonts();
            pdf.getDocumentInfo().setTitle(title);
            doc.add(new Paragraph("Aulas de Gestión de Ciudades · Área Metropolitana de Salta").setFont(fonts.normal())
                    .setFontSize(9).setFontColor(ColorConstants.DARK_GRAY));
            doc.add(new Paragraph(title).setFont(fonts.strong()).setFontSize(18));
            for (String p : paragraphs) {
                doc.add(new Paragraph(p).setFont(fonts.normal()).setFontSize(11));
            }
            if (map) {
                PdfCanvas canvas = new PdfCanvas(pdf.getFirstPage());
                canvas.setFillColor(new DeviceRgb(0xCF, 0xE8, 0xF7)).ellipse(120, 260, 320, 420).fill();
                canvas.setFillColor(new DeviceRgb(0xCF, 0xE8, 0xF7)).ellipse(300, 200, 480, 330).fill();
                canvas.setStrokeColor(new DeviceRgb(0x1F, 0x5F, 0xA8)).setLineWidth(3).moveTo(80, 450)
                        .curveTo(200, 380, 260, 300, 500, 220).stroke();
                canvas.setStrokeColor(ColorConstants.DARK_GRAY).setLineWidth(1).rectangle(60, 160, 470, 320).stroke();
            }
        }
        return out.toByteArray();
    }

    private static byte[] xlsx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "Aulas", "1.0")) {
            Worksheet ws = wb.newWorksheet("Transporte");
            String[] header = {"Línea", "Origen", "Destino", "Frecuencia (min)", "Tiempo de viaje (min)"};
            for (int c = 0; c < header.length; c++) {
                ws.value(0, c, header[c]);
            }
            Object[][] rows = {{"7A", "San Lorenzo", "Salta (centro)", 15, 35}, {"8B", "Vaqueros", "Salta (centro)", 20, 40},
                {"6C", "Cerrillos", "Salta (centro)", 12, 45}};
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Integer n) {
                        ws.value(r + 1, c, n);
                    } else {
                        ws.value(r + 1, c, (String) rows[r][c]);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private String code(String code) {
        return institutions.findByCode(code).map(Institution::getId).orElse(null);
    }

    private AulasUser user(String email) {
        return (AulasUser) users.loadUserByUsername(email);
    }
}
