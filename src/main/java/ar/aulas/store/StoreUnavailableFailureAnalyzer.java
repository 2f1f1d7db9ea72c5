package ar.aulas.store;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start that gave up waiting for the store ends with what happened and what to check, not a stack trace. */
class StoreUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<StoreUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StoreUnavailableException cause) {
        return new FailureAnalysis(cause.getMessage() + ".",
                "Check that MongoDB runs and that SPRING_MONGODB_URI points at it (now: " + cause.where() + "), or unset "
                        + "it to use the embedded store. Set aulas.store.start-wait to wait longer.", null);
    }
}
