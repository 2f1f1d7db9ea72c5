package ar.aulas.certificates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The public answer about a certificate, by its code or by the exact file (revoked: the date and a
 * category, never the reason staff typed). Only what a third party
 * needs is shown: the DNI masked (**.***.678), no account or institution ids. A certificate still being
 * issued answers "not found", like an unknown code, so nothing can be probed.
 */
@Service
public class CertificateVerification {

    public enum Outcome { MALFORMED, NOT_FOUND, VALID, REVOKED, REPLACED, FILE_NOT_ISSUED }

    public record View(String code, String number, String holderName, String maskedDni, String courseTitle,
            String edition, String typeTitle, int hours, List<Integer> attendedModules, int totalModules,
            LocalDate startDate, LocalDate endDate, Instant issuedAt, Instant revokedAt, RevocationCategory revokeCategory,
            String replacedByCode, String replacesCode, boolean byException) {
    }

    public record Result(Outcome outcome, View view) {
    }

    private final CertificateRepository certificates;

    CertificateVerification(CertificateRepository certificates) {
        this.certificates = certificates;
    }

    public Result byCode(String input) {
        Optional<VerificationCode> code = VerificationCode.parse(input);
        if (code.isEmpty()) {
            return new Result(Outcome.MALFORMED, null);
        }
        return certificates.findByCode(code.get().value()).filter(c -> c.getStatus() != Certificate.Status.PENDING)
                .map(CertificateVerification::result).orElse(new Result(Outcome.NOT_FOUND, null));
    }

    /** Whether these bytes are exactly an issued certificate (SHA-256 of the stored file). */
    public Result byFile(byte[] pdf) {
        String sha256 = CertificateDocuments.sha256(pdf);
        return certificates.findBySha256(sha256).stream().filter(c -> c.getStatus() != Certificate.Status.PENDING)
                .findFirst().map(CertificateVerification::result).orElse(new Result(Outcome.FILE_NOT_ISSUED, null));
    }

    private static Result result(Certificate c) {
        Outcome outcome = switch (c.getStatus()) {
            case REVOKED -> Outcome.REVOKED;
            case REPLACED -> Outcome.REPLACED;
            default -> Outcome.VALID;
        };
        return new Result(outcome, new View(c.verificationCode().formatted(), c.getNumber(), c.getHolderName(),
                mask(c.getHolderDni()), c.getCourseTitle(), c.getEdition(), c.getTypeTitle(), c.getHours(),
                c.getAttendedModules(), c.getTotalModules(), c.getStartDate(), c.getEndDate(), c.getIssuedAt(),
                c.getRevokedAt(), c.getRevokeCategory(),
                c.getReplacedByCode() == null ? null : new VerificationCode(c.getReplacedByCode()).formatted(),
                c.getReplacesCode() == null ? null : new VerificationCode(c.getReplacesCode()).formatted(),
                c.byException()));
    }

    /** 28.456.789 → **.***.789: enough to tell two namesakes apart, not enough to learn a DNI. */
    static String mask(String dni) {
        if (dni == null || dni.isBlank()) {
            return "";
        }
        int digits = (int) dni.chars().filter(Character::isDigit).count();
        StringBuilder sb = new StringBuilder();
        int seen = 0;
        for (char ch : dni.toCharArray()) {
            if (Character.isDigit(ch)) {
                seen++;
                sb.append(seen > digits - 3 ? ch : '*');
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
