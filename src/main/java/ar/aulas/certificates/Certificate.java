package ar.aulas.certificates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One issued certificate, with a snapshot of everything it states (so it never changes when the
 * account or course does) and its rendered, signed PDF in GridFS.
 *
 * <p>{@code slot} is "course|account|type" while this is the person's current certificate of that type:
 * a unique index on it makes issuing idempotent. A replaced certificate gets a slot of its own. The
 * unique index on (course, type, sequence) keeps numbers free of duplicates; they are taken as the
 * highest plus one at insert time, so a crash never leaves a gap.
 */
@Document("certificates")
@CompoundIndex(name = "number", def = "{'courseCode': 1, 'type': 1, 'sequence': 1}", unique = true)
// issued certificates per institution on the dashboard
@CompoundIndex(name = "course_status_institution", def = "{'courseCode': 1, 'status': 1, 'institutionId': 1}")
public class Certificate {

    public enum Status { PENDING, VALID, REVOKED, REPLACED }

    @Id
    private String id;
    @Indexed(unique = true)
    private String slot;
    @Indexed(unique = true)
    private String code;
    @Indexed
    private String courseCode;
    @Indexed
    private String accountId;
    private String institutionId;
    private CertificateType type;
    private int sequence;
    private String number;
    private Status status;

    private String holderName;
    private String holderDni;
    private String institutionName;
    private String courseTitle;
    private String edition;
    private int hours;
    private LocalDate startDate;
    private LocalDate endDate;
    private String typeTitle;
    private List<Integer> attendedModules;
    private int totalModules;
    private String attendancePercent;
    private String template;

    private Instant issuedAt;
    private String issuedBy;
    private String issuedByName;
    private String exceptionJustification;

    private String pdfFileId;
    @Indexed
    private String sha256;
    private long size;

    private Instant revokedAt;
    private String revokedBy;
    private String revokeReason;
    private RevocationCategory revokeCategory;
    private String replacedById;
    private String replacedByCode;
    private Instant replacedAt;
    private String replacesId;
    private String replacesCode;

    @Version
    private Long version;

    protected Certificate() {
    }

    Certificate(String courseCode, String accountId, String institutionId, CertificateType type, int sequence,
            VerificationCode code) {
        this.slot = slotOf(courseCode, accountId, type);
        this.courseCode = courseCode;
        this.accountId = accountId;
        this.institutionId = institutionId;
        this.type = type;
        this.sequence = sequence;
        this.number = "%s-%s-%04d".formatted(courseCode, type.letter(), sequence);
        this.code = code.value();
        this.status = Status.PENDING;
    }

    public static String slotOf(String courseCode, String accountId, CertificateType type) {
        return courseCode + "|" + accountId + "|" + type;
    }

    void describe(String holderName, String holderDni, String institutionName, String courseTitle, String edition,
            int hours, LocalDate startDate, LocalDate endDate, String typeTitle, List<Integer> attendedModules,
            int totalModules, String attendancePercent, String template, Instant issuedAt, String issuedBy,
            String issuedByName, String exceptionJustification, String replacesId, String replacesCode) {
        this.holderName = holderName;
        this.holderDni = holderDni;
        this.institutionName = institutionName;
        this.courseTitle = courseTitle;
        this.edition = edition;
        this.hours = hours;
        this.startDate = startDate;
        this.endDate = endDate;
        this.typeTitle = typeTitle;
        this.attendedModules = List.copyOf(attendedModules);
        this.totalModules = totalModules;
        this.attendancePercent = attendancePercent;
        this.template = template;
        this.issuedAt = issuedAt;
        this.issuedBy = issuedBy;
        this.issuedByName = issuedByName;
        this.exceptionJustification = exceptionJustification;
        this.replacesId = replacesId;
        this.replacesCode = replacesCode;
    }

    void stored(String pdfFileId, String sha256, long size) {
        this.pdfFileId = pdfFileId;
        this.sha256 = sha256;
        this.size = size;
        this.status = Status.VALID;
    }

    void revoke(String by, Instant at, RevocationCategory category, String reason) {
        this.status = Status.REVOKED;
        this.revokedBy = by;
        this.revokedAt = at;
        this.revokeCategory = category;
        this.revokeReason = reason;
    }

    /** Frees the slot for the replacement, whose code is chosen now; its id is linked once it exists. */
    void replaceBy(VerificationCode next, Instant at) {
        this.status = Status.REPLACED;
        this.slot = slot + "|replaced-by-" + next.value();
        this.replacedByCode = next.value();
        this.replacedAt = at;
    }

    void linkReplacement(String id) {
        this.replacedById = id;
    }

    public VerificationCode verificationCode() { return new VerificationCode(code); }
    public boolean byException() { return exceptionJustification != null; }
    public boolean isCurrent() { return status == Status.VALID || status == Status.PENDING; }

    public String getId() { return id; }
    public String getSlot() { return slot; }
    public String getCode() { return code; }
    public String getCourseCode() { return courseCode; }
    public String getAccountId() { return accountId; }
    public String getInstitutionId() { return institutionId; }
    public CertificateType getType() { return type; }
    public int getSequence() { return sequence; }
    public String getNumber() { return number; }
    public Status getStatus() { return status; }
    public String getHolderName() { return holderName; }
    public String getHolderDni() { return holderDni; }
    public String getInstitutionName() { return institutionName; }
    public String getCourseTitle() { return courseTitle; }
    public String getEdition() { return edition; }
    public int getHours() { return hours; }
    public LocalDate getStartDate() { return startDate; }
    public LocalDate getEndDate() { return endDate; }
    public String getTypeTitle() { return typeTitle; }
    public List<Integer> getAttendedModules() { return attendedModules == null ? List.of() : attendedModules; }
    public int getTotalModules() { return totalModules; }
    public String getAttendancePercent() { return attendancePercent; }
    public String getTemplate() { return template; }
    public Instant getIssuedAt() { return issuedAt; }
    public String getIssuedBy() { return issuedBy; }
    public String getIssuedByName() { return issuedByName; }
    public String getExceptionJustification() { return exceptionJustification; }
    public String getPdfFileId() { return pdfFileId; }
    public String getSha256() { return sha256; }
    public long getSize() { return size; }
    public Instant getRevokedAt() { return revokedAt; }
    public String getRevokedBy() { return revokedBy; }
    public String getRevokeReason() { return revokeReason; }
    public RevocationCategory getRevokeCategory() { return revokeCategory; }
    public String getReplacedById() { return replacedById; }
    public String getReplacedByCode() { return replacedByCode; }
    public Instant getReplacedAt() { return replacedAt; }
    public String getReplacesId() { return replacesId; }
    public String getReplacesCode() { return replacesCode; }
    public Long getVersion() { return version; }
}
