package ar.aulas.courses;

/** An upload or a material that was refused, with the form field and message key that say why. */
public class UploadRefused extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] args;

    public UploadRefused(String field, String messageKey, Object... args) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.args = args;
    }

    public String field() { return field; }
    public String messageKey() { return messageKey; }
    public Object[] args() { return args; }
}
