package co.fractal.loadtest.generator;

import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * How late the load generator's event loops run what is scheduled on them: a probe scheduled every
 * {@link #INTERVAL} on an event loop (the simulation's watchdog) {@linkplain #tick() ticks}, and each tick's
 * lateness is how much longer than the interval it came after the previous one.
 * <p>
 * A second's lag is the <em>median</em> lateness of its ticks: an event loop behind its work is late for every tick,
 * while a single stall (a first TLS handshake, a JIT compilation, one collection) delays one tick and no more — the
 * worst is kept too, as a figure. A second without a tick is as late as the silence since the last one. Thread-safe:
 * ticks come from an event loop, reads from the sampler.
 */
public final class EventLoopProbe {
    /** How often the probe is scheduled. */
    public static final Duration INTERVAL = Duration.ofMillis(100);
    private static final long INTERVAL_NANOS = INTERVAL.toNanos();
    private static final int MOST_TICKS_KEPT = 64;

    private final long[] lateness = new long[MOST_TICKS_KEPT];
    private int ticks;
    private long lastTick;
    private boolean ticked;
    private boolean stopped;

    /**
     * One second of the probe.
     *
     * @param typicalMillis the median lateness of its ticks, or the silence when none came
     * @param worstMillis   the latest tick, or the silence
     */
    record Lag(long typicalMillis, long worstMillis) {
    }

    /** The probe ran, now. */
    public void tick() {
        tick(System.nanoTime());
    }

    synchronized void tick(long now) {
        if (ticked && ticks < MOST_TICKS_KEPT) {
            lateness[ticks++] = Math.max(0, now - lastTick - INTERVAL_NANOS);
        }
        lastTick = now;
        ticked = true;
    }

    /** The probe is no longer scheduled (the load is over): its silence from now on is no lag. */
    public synchronized void stop() {
        stopped = true;
    }

    /** The lag since the previous read; empty before the first tick and once stopped. */
    synchronized java.util.Optional<Lag> read(long now) {
        if (!ticked || stopped) {
            return java.util.Optional.empty();
        }
        long silence = Math.max(0, now - lastTick - INTERVAL_NANOS);
        Lag lag;
        if (ticks == 0) {
            lag = new Lag(silence / 1_000_000, silence / 1_000_000);
        } else {
            long[] seen = Arrays.copyOf(lateness, ticks);
            Arrays.sort(seen);
            lag = new Lag(seen[(seen.length - 1) / 2] / 1_000_000, Math.max(seen[seen.length - 1], silence) / 1_000_000);
        }
        ticks = 0;
        return java.util.Optional.of(lag);
    }
}
