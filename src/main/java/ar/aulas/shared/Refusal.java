package ar.aulas.shared;

/**
 * A change refused by a business rule: the form field it concerns (null for the whole form) and a
 * message key with its arguments, so the refusal is shown next to the field in the user's language.
 */
public class Refusal extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] args;

    public Refusal(String field, String messageKey, Object... args) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.args = args;
    }

    public String field() { return field; }
    public String messageKey() { return messageKey; }
    public Object[] args() { return args; }
}
