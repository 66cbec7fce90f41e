package co.fractal.loadtest.localserver;

import java.time.Duration;

/** A server clock that stands still until a test moves it: silences and lock holds then depend on state, not speed. */
final class ManualClock implements ServerClock {
    private long nanos = 1_000_000_000L;
    private long epochMillis = 1_800_000_000_000L;

    @Override
    public synchronized long nanos() {
        return nanos;
    }

    @Override
    public synchronized long epochSecond() {
        return epochMillis / 1000;
    }

    synchronized void advance(Duration duration) {
        nanos += duration.toNanos();
        epochMillis += duration.toMillis();
    }
}
