package ar.aulas.attendance;

/** Presente, Tarde, Ausente justificado, Ausente. */
public enum AttendanceStatus {
    PRESENT, LATE, EXCUSED, ABSENT
}
