package ar.aulas.store;

import java.time.Duration;

/** The store did not answer at start within the configured wait. */
public class StoreUnavailableException extends RuntimeException {

    private final String where;

    StoreUnavailableException(String where, Duration waited, Throwable cause) {
        super("The store at " + where + " did not answer for " + waited.toSeconds() + " s", cause);
        this.where = where;
    }

    public String where() {
        return where;
    }
}
