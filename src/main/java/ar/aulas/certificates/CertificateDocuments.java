package ar.aulas.certificates;

import ar.aulas.shared.web.Formats;
import ar.aulas.shared.web.PublicUrls;
import ar.aulas.store.FileChunks;
import com.mongodb.client.gridfs.model.GridFSFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns a pending certificate into its one PDF: placeholders from the certificate's own snapshot,
 * rendered from its template, signed, stored in GridFS with its SHA-256, and the certificate marked
 * valid. A PDF stored by an earlier attempt that died before marking it is removed first.
 */
@Component
class CertificateDocuments {

    static final String VERIFY_PATH = "/verificar/";

    private final CertificateTemplates templates;
    private final CertificatePdf renderer;
    private final CertificateSigner signer;
    private final GridFsTemplate gridFs;
    private final CertificateRepository certificates;
    private final Formats formats;
    private final PublicUrls urls;

    private final ApplicationEventPublisher events;
    private final FileChunks chunks;

    CertificateDocuments(CertificateTemplates templates, CertificatePdf renderer, CertificateSigner signer,
            GridFsTemplate gridFs, CertificateRepository certificates, Formats formats, PublicUrls urls,
            ApplicationEventPublisher events, FileChunks chunks) {
        this.chunks = chunks;
        this.events = events;
        this.templates = templates;
        this.renderer = renderer;
        this.signer = signer;
        this.gridFs = gridFs;
        this.certificates = certificates;
        this.formats = formats;
        this.urls = urls;
    }

    /** The URL printed in the QR code: a public contract on paper, it never changes form. */
    String verificationUrl(Certificate c, String base) {
        return base + VERIFY_PATH + c.getCode();
    }

    /** How people reach Aulas now (see {@link PublicUrls}); a bulk job keeps the one of the request that started it. */
    String base() {
        return urls.base();
    }

    /** {@code fresh}: just inserted by the caller, so no earlier attempt can have left a PDF behind. */
    Certificate complete(Certificate c, Map<Integer, String> moduleTitles, boolean fresh, String base) {
        if (c.getStatus() != Certificate.Status.PENDING) {
            return c;
        }
        CertificateTemplate template = templates.find(c.getTemplate())
                .orElseThrow(() -> new CertificateRefused(null, "certificate.refused.template", c.getTemplate()));
        byte[] pdf = signer.sign(renderer.render(template, values(c, moduleTitles, base), verificationUrl(c, base),
                c.getTypeTitle() + " · " + c.getHolderName() + " · " + c.getNumber(), "Aulas de Gestión de Ciudades"),
                c.getTypeTitle() + " " + c.getNumber(), "Salta, Argentina");
        String sha256 = sha256(pdf);
        Document metadata = new Document("certificateId", c.getId()).append("sha256", sha256);
        ObjectId fileId = gridFs.store(new ByteArrayInputStream(pdf), c.getNumber() + ".pdf", "application/pdf", metadata);
        c.stored(fileId.toHexString(), sha256, pdf.length);
        Certificate saved;
        try {
            saved = certificates.save(c);
        } catch (OptimisticLockingFailureException e) {
            // another worker (or instance) completed it first: keep theirs, and their file
            chunks.delete(fileId);
            return certificates.findById(c.getId()).orElseThrow();
        }
        if (!fresh) {
            // a PDF left by an attempt that died before saving its certificate: only once this one is saved, and never
            // the file the certificate now names
            gridFs.find(Query.query(Criteria.where("metadata.certificateId").is(c.getId()).and("_id").ne(fileId)))
                    .map(f -> f.getObjectId()).into(new ArrayList<>()).forEach(chunks::delete);
        }
        events.publishEvent(CertificateChanged.of(saved));
        return saved;
    }

    Map<String, String> values(Certificate c, Map<Integer, String> moduleTitles, String base) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("nombreCompleto", c.getHolderName());
        v.put("dni", c.getHolderDni() == null ? "" : c.getHolderDni());
        v.put("institucion", c.getInstitutionName());
        v.put("curso", c.getCourseTitle());
        v.put("edicion", c.getEdition());
        v.put("horas", String.valueOf(c.getHours()));
        v.put("fechas", "del " + formats.date(c.getStartDate()) + " al " + formats.date(c.getEndDate()));
        v.put("encuentros", moduleTitles.entrySet().stream().map(e -> e.getKey() + ".\u00A0" + e.getValue())
                .collect(Collectors.joining(" · ")));
        v.put("asistencia", c.getAttendedModules().size() + " de " + c.getTotalModules() + " encuentros ("
                + c.getAttendancePercent() + " %)");
        v.put("tipo", c.getTypeTitle());
        v.put("fechaEmision", formats.date(c.getIssuedAt()));
        v.put("codigo", c.verificationCode().formatted());
        v.put("numero", c.getNumber());
        v.put("urlVerificacion", verificationUrl(c, base));
        return v;
    }

    InputStream open(Certificate c) {
        GridFSFile file = gridFs.findOne(Query.query(Criteria.where("_id").is(new ObjectId(c.getPdfFileId()))));
        if (file == null) {
            throw new IllegalStateException("PDF of certificate " + c.getNumber() + " missing from GridFS");
        }
        return chunks.open(file);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> templateNames() {
        return List.copyOf(templates.names());
    }

    boolean hasTemplate(String name) {
        return templates.find(name).isPresent();
    }
}
