package co.fractal.loadtest.localserver;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The lock-timeout fault's claim: each claim holds the pool's row lock for {@link #HOLD}, and a claim that
 * cannot get it within {@link #PATIENCE} times out. The timeout is swallowed, as in 2021: the claim reads as
 * empty (the assignment spins up a container instead) and the assignment's database session stays aborted,
 * so its later writes are lost. Time is simulated with timers: nothing blocks.
 */
final class TimingOutPoolClaim implements PoolClaim {
    /** How long one claim's transaction holds the lock. */
    static final Duration HOLD = Duration.ofMillis(200);
    /** How long a claim waits for the lock (the 2021 lock timeout, scaled down). */
    static final Duration PATIENCE = Duration.ofMillis(50);

    private final PoolClaim locked;
    private final Scheduler scheduler;
    private long heldUntil = System.nanoTime();

    TimingOutPoolClaim(PoolClaim locked, Scheduler scheduler) {
        this.locked = locked;
        this.scheduler = scheduler;
    }

    @Override
    public void claim(Assignment assignment, Consumer<Container> taken, Runnable none) {
        attempt(assignment, System.nanoTime() + PATIENCE.toNanos(), taken, none);
    }

    private void attempt(Assignment assignment, long deadline, Consumer<Container> taken, Runnable none) {
        if (assignment.finished()) {
            return;
        }
        long now = System.nanoTime();
        if (heldUntil - now <= 0) {
            heldUntil = now + HOLD.toNanos();
            scheduler.after(HOLD, () -> locked.claim(assignment, taken, none));
        } else if (heldUntil - deadline <= 0) {
            scheduler.afterNanos(heldUntil - now, () -> attempt(assignment, deadline, taken, none));
        } else {
            scheduler.afterNanos(deadline - now, () -> {
                if (!assignment.finished()) {
                    assignment.abortSession();
                    none.run();
                }
            });
        }
    }
}
