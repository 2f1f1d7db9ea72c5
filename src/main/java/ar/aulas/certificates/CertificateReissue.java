package ar.aulas.certificates;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A reissue under way, keyed by the person's slot: the replaced certificate and the code chosen for its
 * replacement. Written before the old certificate frees the slot, removed once the new one exists, so a
 * crash in between is completed by the next issue for that person (found by id, not by a scan).
 */
@Document("certificate_reissues")
class CertificateReissue {

    @Id
    private String slot;
    private String replacedId;
    private String replacedCode;
    private String code;

    protected CertificateReissue() {
    }

    CertificateReissue(String slot, String replacedId, String replacedCode, String code) {
        this.slot = slot;
        this.replacedId = replacedId;
        this.replacedCode = replacedCode;
        this.code = code;
    }

    String getSlot() { return slot; }
    String getReplacedId() { return replacedId; }
    String getReplacedCode() { return replacedCode; }
    String getCode() { return code; }
}
