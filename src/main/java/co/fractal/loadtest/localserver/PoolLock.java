package co.fractal.loadtest.localserver;

import java.time.Duration;

/**
 * The lock-timeout fault's row lock on the prewarmed pool: a claim holds it for {@link #HOLD}, and a claim
 * that cannot get it within {@link #PATIENCE} times out. Time is simulated with timers: nothing blocks.
 * Under the state lock.
 */
final class PoolLock {
    /** How long one claim's transaction holds the lock. */
    static final Duration HOLD = Duration.ofMillis(200);
    /** How long a claim waits for the lock (the 2021 lock timeout, scaled down). */
    static final Duration PATIENCE = Duration.ofMillis(50);

    private final Scheduler scheduler;
    private long heldUntil = System.nanoTime();

    PoolLock(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Claims for the assignment: {@code committed} runs when its transaction commits, holding the lock the
     * whole time; {@code timedOut} runs instead when the lock stays taken past the claim's patience.
     */
    void claim(Assignment assignment, Runnable committed, Runnable timedOut) {
        attempt(assignment, System.nanoTime() + PATIENCE.toNanos(), committed, timedOut);
    }

    private void attempt(Assignment assignment, long deadline, Runnable committed, Runnable timedOut) {
        if (assignment.finished()) {
            return;
        }
        long now = System.nanoTime();
        if (heldUntil - now <= 0) {
            heldUntil = now + HOLD.toNanos();
            scheduler.after(HOLD, committed);
        } else if (heldUntil - deadline <= 0) {
            scheduler.afterNanos(heldUntil - now, () -> attempt(assignment, deadline, committed, timedOut));
        } else {
            scheduler.afterNanos(deadline - now, timedOut);
        }
    }
}
