/**
 * Exercises from the course files, submissions and attempts, grading with rubrics, conflicts and the gradebook.
 * Others read a course's work through {@link ar.aulas.exercises.CourseWork}, never the submissions themselves.
 */
package ar.aulas.exercises;
