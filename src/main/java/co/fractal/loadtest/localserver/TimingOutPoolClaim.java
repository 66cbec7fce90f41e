package co.fractal.loadtest.localserver;

import java.util.function.Consumer;

/**
 * The lock-timeout fault's claim: each claim holds the pool's row lock for {@link LockTimeout#HOLD}, and a
 * claim that cannot get it within {@link LockTimeout#PATIENCE} times out. The timeout is swallowed, as in
 * 2021: the claim reads as empty (the assignment spins up a container instead) and the assignment's database
 * session stays aborted, so its later writes are lost. Time is simulated with timers: nothing blocks.
 */
final class TimingOutPoolClaim implements PoolClaim {
    private final PoolClaim locked;
    private final Scheduler scheduler;
    private long heldUntil = System.nanoTime();

    TimingOutPoolClaim(PoolClaim locked, Scheduler scheduler) {
        this.locked = locked;
        this.scheduler = scheduler;
    }

    @Override
    public void claim(Assignment assignment, Consumer<Container> taken, Runnable none) {
        attempt(assignment, System.nanoTime() + LockTimeout.PATIENCE.toNanos(), taken, none);
    }

    private void attempt(Assignment assignment, long deadline, Consumer<Container> taken, Runnable none) {
        if (assignment.finished()) {
            return;
        }
        long now = System.nanoTime();
        if (heldUntil - now <= 0) {
            heldUntil = now + LockTimeout.HOLD.toNanos();
            scheduler.after(LockTimeout.HOLD, () -> locked.claim(assignment, taken, none));
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
