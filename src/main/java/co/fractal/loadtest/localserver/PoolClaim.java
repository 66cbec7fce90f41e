package co.fractal.loadtest.localserver;

import co.fractal.loadtest.config.LocalServerSettings;
import co.fractal.loadtest.config.LocalServerSettings.Fault;

import java.util.function.Consumer;

/**
 * How an assignment claims a prewarmed container — the region's pool first, then its pair's — under the
 * state lock. Without faults the claim is atomic ({@link LockedPoolClaim}); the double-assign and
 * lock-timeout faults claim the way the 2021 webserver got wrong.
 */
interface PoolClaim {

    /**
     * Claims for the assignment: {@code taken} gets the container, now or later; {@code none} runs when there
     * is none to be had. Neither runs if the assignment has finished (been cancelled) meanwhile.
     */
    void claim(Assignment assignment, Consumer<Container> taken, Runnable none);

    /** The claim the settings call for. */
    static PoolClaim of(LocalServerSettings settings, ContainerPool pool, Scheduler scheduler) {
        LockedPoolClaim locked = new LockedPoolClaim(pool);
        if (settings.has(Fault.LOCK_TIMEOUT)) {
            return new TimingOutPoolClaim(locked, scheduler);
        }
        return settings.has(Fault.DOUBLE_ASSIGN) ? new UnlockedPoolClaim(pool, scheduler) : locked;
    }
}
