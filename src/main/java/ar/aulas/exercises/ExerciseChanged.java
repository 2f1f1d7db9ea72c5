package ar.aulas.exercises;

/** An exercise's settings were changed in the interface (title, scale, team or individual work): every mark of it may read differently. */
public record ExerciseChanged(String courseCode, String exerciseId) {
}
