package ar.aulas.institutions;

import ar.aulas.shared.Refusal;

/** A refused institution change. */
public class InstitutionException extends Refusal {

    public InstitutionException(String field, String messageKey, Object... args) {
        super(field, messageKey, args);
    }
}
