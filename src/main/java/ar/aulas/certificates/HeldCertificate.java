package ar.aulas.certificates;

/** A person's current certificate of a course as other features count it (read with only these fields). */
public record HeldCertificate(String id, String accountId, CertificateType type, Certificate.Status status) {
}
