package co.fractal.loadtest.localserver;

import java.util.function.Consumer;

/** The correct claim: the container is taken out of the pool in the same step that finds it. */
final class LockedPoolClaim implements PoolClaim {
    private final ContainerPool pool;

    LockedPoolClaim(ContainerPool pool) {
        this.pool = pool;
    }

    @Override
    public void claim(Assignment assignment, Consumer<Container> taken, Runnable none) {
        if (assignment.finished()) {
            return;
        }
        Container container = pool.take(assignment.region());
        if (container == null && assignment.region().pair().isPresent()) {
            container = pool.take(assignment.region().pair().get());
        }
        if (container == null) {
            none.run();
        } else {
            taken.accept(container);
        }
    }
}
