package ar.aulas.courses;

/** A person was enrolled in a course, enrolled again, or unenrolled. */
public record EnrolmentChanged(String courseCode, String accountId, boolean active) {
}
