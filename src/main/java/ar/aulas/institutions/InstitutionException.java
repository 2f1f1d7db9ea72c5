package ar.aulas.institutions;

/** A refused change, with the form field and the message key that explain why. */
public class InstitutionException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] args;

    public InstitutionException(String field, String messageKey, Object... args) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.args = args;
    }

    public String field() { return field; }
    public String messageKey() { return messageKey; }
    public Object[] args() { return args; }
}
