package ar.aulas.courses;

import ar.aulas.shared.Refusal;

/** A refused upload or material. */
public class UploadRefused extends Refusal {

    public UploadRefused(String field, String messageKey, Object... args) {
        super(field, messageKey, args);
    }
}
