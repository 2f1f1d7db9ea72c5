/**
 * Courses as files (read and synced from {@code courses/}), modules, readings, materials, enrolment and progress.
 * Others ask through {@link ar.aulas.courses.Enrolments}, {@link ar.aulas.courses.CourseAccess} and the repositories of this package.
 */
package ar.aulas.courses;
