package ar.aulas.certificates;

/**
 * What the public may learn about why a certificate was revoked: one of these categories and the
 * date. The reason typed by staff stays on the staff pages and in the audit.
 */
public enum RevocationCategory {
    /** Issued to someone who did not meet the rules, or by mistake. */
    ISSUED_IN_ERROR,
    /** Its data (name, DNI, dates) were wrong. */
    WRONG_DATA,
    /** Attendance or grades were revised after it was issued. */
    RECORDS_REVISED,
    /** The holder asked for it. */
    HOLDER_REQUEST,
    OTHER
}
