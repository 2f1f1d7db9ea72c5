package ar.aulas.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The application's clock in tests: the system's time until a test stops it, then only what the
 * test advances. Rules that count time (rate limits, windows) are then independent of the machine's speed.
 */
public class TestClock extends Clock {

    private final Clock system;
    private final TestClock owner;
    private volatile Instant stopped;

    public TestClock(Clock system) {
        this(system, null);
    }

    /** A view in another zone that follows {@code owner}'s time. */
    private TestClock(Clock system, TestClock owner) {
        this.system = system;
        this.owner = owner;
    }

    /** Time stands still at now (the moment it was moved to, if it was) until {@link #advance} or {@link #resume}. */
    public void stop() {
        stopped = instant();
    }

    /** Time stands still at noon of {@code day} (in the clock's zone), as if the course had gone on until then. */
    public void travelTo(LocalDate day) {
        stopped = day.atTime(12, 0).atZone(getZone()).toInstant();
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
        return new TestClock(system.withZone(zone), owner == null ? this : owner);
    }

    @Override
    public Instant instant() {
        Instant at = owner == null ? stopped : owner.stopped;
        return at == null ? system.instant() : at;
    }
}
