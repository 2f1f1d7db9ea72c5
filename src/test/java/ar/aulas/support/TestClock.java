package ar.aulas.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The application's clock in tests: the system's time until a test stops it, then only what the
 * test advances. Rules that count time (rate limits, windows) are then independent of the machine's speed.
 */
public class TestClock extends Clock {

    private final Clock system;
    private volatile Instant stopped;

    public TestClock(Clock system) {
        this.system = system;
    }

    /** Time stands still at now until {@link #advance} or {@link #resume}. */
    public void stop() {
        stopped = system.instant();
    }

    public void advance(Duration duration) {
        if (stopped == null) {
            throw new IllegalStateException("stop the clock first");
        }
        stopped = stopped.plus(duration);
    }

    public void resume() {
        stopped = null;
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return system.withZone(zone);
    }

    @Override
    public Instant instant() {
        Instant at = stopped;
        return at == null ? system.instant() : at;
    }
}
