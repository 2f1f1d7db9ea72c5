package ar.aulas.certificates;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Who did what to a certificate, and when: staff download, revocation, reissue. The issue itself (and an
 * exception's justification) is recorded on the certificate, written in the same document.
 */
@Document("certificate_audit")
public class CertificateAudit {

    public enum Action { ISSUED, ISSUED_BY_EXCEPTION, DOWNLOADED, REVOKED, REISSUED }

    @Id
    private String id;
    @Indexed
    private String certificateId;
    private String courseCode;
    private Action action;
    private String accountId;
    private String accountName;
    private Instant at;
    private String detail;

    protected CertificateAudit() {
    }

    CertificateAudit(String certificateId, String courseCode, Action action, String accountId, String accountName,
            Instant at, String detail) {
        this.certificateId = certificateId;
        this.courseCode = courseCode;
        this.action = action;
        this.accountId = accountId;
        this.accountName = accountName;
        this.at = at;
        this.detail = detail;
    }

    public String getId() { return id; }
    public String getCertificateId() { return certificateId; }
    public String getCourseCode() { return courseCode; }
    public Action getAction() { return action; }
    public String getAccountId() { return accountId; }
    public String getAccountName() { return accountName; }
    public Instant getAt() { return at; }
    public String getDetail() { return detail; }
}
