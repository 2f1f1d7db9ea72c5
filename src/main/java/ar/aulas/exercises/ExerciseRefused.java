package ar.aulas.exercises;

/** A refused submission or grade: the form field (or null) and the message key that say why. */
public class ExerciseRefused extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] args;

    public ExerciseRefused(String field, String messageKey, Object... args) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.args = args;
    }

    public String field() { return field; }
    public String messageKey() { return messageKey; }
    public Object[] args() { return args; }
}
