package ar.aulas.certificates;

import ar.aulas.shared.Refusal;

/** An issue, revocation or reissue refused by a rule, with the reason in the user's language. */
public class CertificateRefused extends Refusal {

    public CertificateRefused(String field, String messageKey, Object... args) {
        super(field, messageKey, args);
    }
}
