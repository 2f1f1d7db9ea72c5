package ar.aulas.exercises;

import ar.aulas.shared.Refusal;

/** A refused submission, grade or exercise setting. */
public class ExerciseRefused extends Refusal {

    public ExerciseRefused(String field, String messageKey, Object... args) {
        super(field, messageKey, args);
    }
}
