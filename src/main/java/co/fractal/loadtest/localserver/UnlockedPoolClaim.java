package co.fractal.loadtest.localserver;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The double-assign fault's claim, without a row lock: a free container is read now and marked taken only
 * when the claim commits, {@link #COMMIT} later — so every assignment that reads it in between takes it too.
 */
final class UnlockedPoolClaim implements PoolClaim {
    /** Time between reading a free container and marking it taken. */
    static final Duration COMMIT = Duration.ofMillis(300);

    private final ContainerPool pool;
    private final Scheduler scheduler;

    UnlockedPoolClaim(ContainerPool pool, Scheduler scheduler) {
        this.pool = pool;
        this.scheduler = scheduler;
    }

    @Override
    public void claim(Assignment assignment, Consumer<Container> taken, Runnable none) {
        Container read = pool.peek(assignment.region());
        if (read == null && assignment.region().pair().isPresent()) {
            read = pool.peek(assignment.region().pair().get());
        }
        if (read == null) {
            none.run();
            return;
        }
        Container container = read;
        scheduler.after(COMMIT, () -> {
            if (assignment.finished()) {
                return;
            }
            if (container.deleted()) {
                claim(assignment, taken, none);
                return;
            }
            pool.remove(container);
            taken.accept(container);
        });
    }
}
