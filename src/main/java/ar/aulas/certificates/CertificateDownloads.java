package ar.aulas.certificates;

import ar.aulas.shared.files.ZipNames;
import ar.aulas.accounts.AulasUser;
import ar.aulas.shared.web.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Service;

/**
 * Serving certificate PDFs: a participant their own valid certificate; staff any certificate they may
 * see (an institution's coordinator only their institution's), every staff download audited. The ZIP of
 * a course is streamed one file at a time.
 */
@Service
public class CertificateDownloads {

    public record Pdf(Certificate certificate, InputStream content) {
    }

    private final CertificateRepository certificates;
    private final CertificateDocuments documents;
    private final CertificateIssuing issuing;
    private final CertificateMinting minting;

    CertificateDownloads(CertificateRepository certificates, CertificateDocuments documents, CertificateIssuing issuing,
            CertificateMinting minting) {
        this.certificates = certificates;
        this.documents = documents;
        this.issuing = issuing;
        this.minting = minting;
    }

    public Pdf open(AulasUser user, String certificateId) {
        Certificate c = certificates.findById(certificateId).orElseThrow(NotFoundException::new);
        if (c.getPdfFileId() == null) {
            throw new NotFoundException();
        }
        if (Objects.equals(c.getAccountId(), user.id()) && !user.isAdmin() && !user.isCoordinator()) {
            if (c.getStatus() != Certificate.Status.VALID) {
                throw new NotFoundException();
            }
            return new Pdf(c, documents.open(c));
        }
        Certificate visible = issuing.staffCertificate(user, certificateId);
        minting.record(visible, CertificateAudit.Action.DOWNLOADED, user, null);
        return new Pdf(visible, documents.open(visible));
    }

    /** Every valid certificate of the course the person may see, as institution/number - name.pdf. */
    public void zip(AulasUser user, String code, OutputStream out) throws IOException {
        CertificateIssuing.Overview overview = issuing.overview(user, code);
        Set<String> visible = new HashSet<>();
        overview.rows().forEach(r -> visible.add(r.participant().account().getId()));
        List<Certificate> list = certificates.findByCourseCodeOrderByTypeAscSequenceAsc(code).stream()
                .filter(c -> c.getStatus() == Certificate.Status.VALID && visible.contains(c.getAccountId())).toList();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Certificate c : list) {
                zip.putNextEntry(new ZipEntry(safe(c.getInstitutionName()) + "/" + c.getNumber() + " - "
                        + safe(c.getHolderName()) + ".pdf"));
                try (InputStream in = documents.open(c)) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
                minting.record(c, CertificateAudit.Action.DOWNLOADED, user, "zip");
            }
        }
    }

    private static String safe(String name) {
        return ZipNames.segment(name);
    }
}
