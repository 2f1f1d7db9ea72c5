package ar.aulas.accounts;

/** A refused change, with the form field and the message key that explain why. */
public class AccountException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] args;

    public AccountException(String field, String messageKey, Object... args) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.args = args;
    }

    public String field() { return field; }
    public String messageKey() { return messageKey; }
    public Object[] args() { return args; }
}
