package ar.aulas.accounts;

import ar.aulas.shared.Refusal;

/** A refused account change. */
public class AccountException extends Refusal {

    public AccountException(String field, String messageKey, Object... args) {
        super(field, messageKey, args);
    }
}
