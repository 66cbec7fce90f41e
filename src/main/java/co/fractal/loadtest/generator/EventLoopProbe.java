package co.fractal.loadtest.generator;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How late the load generator's event loops run what is scheduled on them: a probe scheduled every
 * {@link #INTERVAL} on an event loop (the simulation's watchdog) {@linkplain #tick() ticks}; a tick that comes later
 * than the interval after the previous one measures the lag, and so does a silence: when no tick has come for longer
 * than the interval, the loop is at least that late. Thread-safe: ticks come from an event loop, reads from the
 * sampler.
 */
public final class EventLoopProbe {
    /** How often the probe is scheduled. */
    public static final Duration INTERVAL = Duration.ofMillis(100);
    private static final long INTERVAL_NANOS = INTERVAL.toNanos();

    private final AtomicLong lastTick = new AtomicLong();
    private final AtomicLong worstSinceRead = new AtomicLong();
    private volatile boolean ticked;
    private volatile boolean stopped;

    /** The probe ran, now. */
    public void tick() {
        tick(System.nanoTime());
    }

    void tick(long now) {
        long previous = lastTick.getAndSet(now);
        if (ticked) {
            long late = now - previous - INTERVAL_NANOS;
            worstSinceRead.accumulateAndGet(late, Math::max);
        }
        ticked = true;
    }

    /** The probe is no longer scheduled (the load is over): its silence from now on is no lag. */
    public void stop() {
        stopped = true;
    }

    /** The worst lag since the previous read, in milliseconds (0 at best); empty before the first tick and once stopped. */
    OptionalLong readMillis(long now) {
        if (!ticked || stopped) {
            return OptionalLong.empty();
        }
        long silence = now - lastTick.get() - INTERVAL_NANOS;
        long worst = Math.max(worstSinceRead.getAndSet(0), silence);
        return OptionalLong.of(Math.max(0, worst) / 1_000_000);
    }
}
