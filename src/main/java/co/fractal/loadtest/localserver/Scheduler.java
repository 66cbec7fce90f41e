package co.fractal.loadtest.localserver;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Delayed state changes on one cheap timer thread (a hashed wheel with 10 ms ticks), never on an event loop.
 * Each runs under the state lock. A zero delay runs the change at once, in the caller.
 */
final class Scheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    /** A scheduled change that can still be called off. */
    interface Pending {
        Pending NONE = () -> { };

        void cancel();
    }

    private final StateLock lock;
    private final HashedWheelTimer timer = new HashedWheelTimer(new DefaultThreadFactory("local-webserver-timer", true),
            10, TimeUnit.MILLISECONDS, 1024);
    private volatile boolean closed;

    Scheduler(StateLock lock) {
        this.lock = lock;
    }

    Pending after(Duration delay, Runnable change) {
        return afterNanos(delay.toNanos(), change);
    }

    Pending afterNanos(long delayNanos, Runnable change) {
        if (delayNanos <= 0) {
            lock.run(change);
            return Pending.NONE;
        }
        if (closed) {
            return Pending.NONE;
        }
        Timeout timeout = timer.newTimeout(t -> runLocked(change), delayNanos, TimeUnit.NANOSECONDS);
        return timeout::cancel;
    }

    /** Runs the change every {@code period}, from one period on, until closed. */
    void every(Duration period, Runnable change) {
        afterNanos(period.toNanos(), () -> {
            change.run();
            every(period, change);
        });
    }

    private void runLocked(Runnable change) {
        try {
            lock.run(change);
        } catch (RuntimeException bug) {
            LOG.error("a scheduled state change failed", bug);
        }
    }

    @Override
    public void close() {
        closed = true;
        timer.stop();
    }
}
