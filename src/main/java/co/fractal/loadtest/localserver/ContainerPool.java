package co.fractal.loadtest.localserver;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;

/**
 * The prewarmed containers of each region: running, free, waiting for an assignment. A container handed
 * out is replaced after the prewarm delay, as far as the capacity allows. Under the state lock.
 */
final class ContainerPool {
    private final Map<Region, ArrayDeque<Container>> free = new EnumMap<>(Region.class);
    private final Map<Region, Integer> replenishing = new EnumMap<>(Region.class);
    private final int perRegion;
    private final Duration prewarmDelay;
    private final Containers containers;
    private final Scheduler scheduler;

    ContainerPool(int perRegion, Duration prewarmDelay, Containers containers, Scheduler scheduler) {
        this.perRegion = perRegion;
        this.prewarmDelay = prewarmDelay;
        this.containers = containers;
        this.scheduler = scheduler;
        for (Region region : Region.values()) {
            free.put(region, new ArrayDeque<>());
            replenishing.put(region, 0);
        }
    }

    /** Fills every region's pool at start-up, as far as the capacity allows; returns how many were made. */
    int fill() {
        int made = 0;
        for (int i = 0; i < perRegion; i++) {
            for (Region region : Region.values()) {
                if (prewarm(region)) {
                    made++;
                }
            }
        }
        return made;
    }

    /** Takes the region's oldest free container, or null. */
    Container take(Region region) {
        return free.get(region).pollFirst();
    }

    /** The container {@link #take} would return, left in the pool (a read without a row lock), or null. */
    Container peek(Region region) {
        return free.get(region).peekFirst();
    }

    /** Takes that container out of the pool if it is still there. */
    void remove(Container container) {
        free.get(container.region()).remove(container);
    }

    /** Replaces what was taken from the region's pool, after the prewarm delay. */
    void replenish(Region region) {
        int missing = perRegion - free.get(region).size() - replenishing.get(region);
        for (int i = 0; i < missing; i++) {
            replenishing.merge(region, 1, Integer::sum);
            scheduler.after(prewarmDelay, () -> {
                replenishing.merge(region, -1, Integer::sum);
                if (free.get(region).size() < perRegion) {
                    prewarm(region);
                }
            });
        }
    }

    private boolean prewarm(Region region) {
        Container container = containers.create(region, Container.State.RUNNING_UNAVAILABLE);
        if (container == null) {
            return false;
        }
        free.get(region).addLast(container);
        return true;
    }
}
