package ar.aulas.courses;

/**
 * Published after a course's files were imported, so other features can follow its content. {@code changed}: something
 * was written or archived (a sync at start of unchanged files is not).
 */
public record CourseContentSynced(String courseCode, boolean changed) {
}
