package ar.aulas.library;

import ar.aulas.shared.Refusal;

/** A library action refused by a rule, naming the form field it concerns. */
public class LibraryRefused extends Refusal {

    public LibraryRefused(String field, String messageKey, Object... args) {
        super(field, messageKey, args);
    }
}
