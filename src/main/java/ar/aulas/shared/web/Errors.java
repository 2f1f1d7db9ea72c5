package ar.aulas.shared.web;

import ar.aulas.shared.Refusal;
import org.springframework.validation.BindingResult;

/** Puts a service's refusal on the form: next to its field when it has one, above the form otherwise. */
public final class Errors {

    private Errors() {
    }

    public static void reject(BindingResult result, Refusal refusal) {
        if (refusal.field() == null) {
            result.reject(refusal.messageKey(), refusal.args(), null);
        } else {
            result.rejectValue(refusal.field(), refusal.messageKey(), refusal.args(), null);
        }
    }
}
