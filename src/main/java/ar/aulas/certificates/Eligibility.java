package ar.aulas.certificates;

import java.util.List;

/** Whether a participant may receive a certificate, and why not, in words (message keys with arguments). */
public record Eligibility(State state, List<Reason> reasons) {

    /** Ordered from best to worst: a person's state is the worst of what the rules found. */
    public enum State {
        ELIGIBLE, IN_PROGRESS, AT_RISK, NOT_POSSIBLE;

        public String key() {
            return "certificate.state." + name();
        }

        State worst(State other) {
            return other.ordinal() > ordinal() ? other : this;
        }
    }

    public record Reason(String key, Object... args) {
    }

    public boolean eligible() {
        return state == State.ELIGIBLE;
    }
}
