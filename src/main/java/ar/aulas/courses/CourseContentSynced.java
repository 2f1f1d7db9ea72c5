package ar.aulas.courses;

/** Published after a course's files were imported (changed or not), so other features can follow its content. */
public record CourseContentSynced(String courseCode) {
}
