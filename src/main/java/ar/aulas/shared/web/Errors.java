package ar.aulas.shared.web;

import org.springframework.validation.BindingResult;

/** Puts a service's refusal on the form: next to its field when it has one, above the form otherwise. */
public final class Errors {

    private Errors() {
    }

    public static void reject(BindingResult result, String field, String messageKey, Object[] args) {
        if (field == null) {
            result.reject(messageKey, args, null);
        } else {
            result.rejectValue(field, messageKey, args, null);
        }
    }
}
