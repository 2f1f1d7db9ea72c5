package ar.aulas.certificates;

/** One of a person's certificates of a course was issued, stored, revoked or replaced. */
public record CertificateChanged(String courseCode, String accountId, String certificateId, Certificate.Status status) {

    static CertificateChanged of(Certificate c) {
        return new CertificateChanged(c.getCourseCode(), c.getAccountId(), c.getId(), c.getStatus());
    }
}
