package co.fractal.loadtest.localserver;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The prewarmed containers of each region: running, free, waiting for an assignment (any app: a prewarmed
 * container takes its holder's app). After each hand-off the pool refills as the 2021 webserver did — for the
 * assignment's app and region, {@code max(0, int(max(1, assigned × preboot_number) − unassigned))} new
 * containers, counting only containers that exist (not those still prewarming) — and, whichever is more, as
 * many as keep the region at {@code local.prewarmed}; a prewarmed container deleted is replaced too. New
 * containers join after the prewarm delay, as far as the capacity allows. Also counts what
 * {@code /admin/pool} shows. Under the state lock.
 */
final class ContainerPool {
    private final Map<Region, ArrayDeque<Container>> free = new EnumMap<>(Region.class);
    private final Map<Region, Integer> prewarming = new EnumMap<>(Region.class);
    private final Map<Region, int[]> heldByApp = new EnumMap<>(Region.class);
    private final Map<Region, long[]> handOffs = new EnumMap<>(Region.class);
    private final int perRegion;
    private final double prebootNumber;
    private final Duration prewarmDelay;
    private final Containers containers;
    private final Scheduler scheduler;

    ContainerPool(int perRegion, double prebootNumber, Duration prewarmDelay, Containers containers, Scheduler scheduler) {
        this.perRegion = perRegion;
        this.prebootNumber = prebootNumber;
        this.prewarmDelay = prewarmDelay;
        this.containers = containers;
        this.scheduler = scheduler;
        for (Region region : Region.values()) {
            free.put(region, new ArrayDeque<>());
            prewarming.put(region, 0);
            heldByApp.put(region, new int[App.values().length]);
            handOffs.put(region, new long[Assignment.Origin.values().length]);
        }
    }

    /**
     * The 2021 refill ({@code _get_num_extra}): new prewarmed containers after a hand-off, given the containers
     * of the app and region held ({@code assigned}) and free ({@code unassigned}).
     */
    static int refill(int assigned, double prebootNumber, int unassigned) {
        return Math.max(0, (int) (Math.max(1, assigned * prebootNumber) - unassigned));
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

    /** The container has its first holder: it counts as held for that app. */
    void held(Container container) {
        heldByApp.get(container.region())[container.heldAs().ordinal()]++;
    }

    /** The container's last holder let go. */
    void letGo(Container container) {
        heldByApp.get(container.region())[container.heldAs().ordinal()]--;
    }

    /**
     * The assignment's container was handed over (its start values are with the host service): counts the
     * hand-off by origin, and refills the assignment's region by the 2021 rule and the region the container
     * came from up to {@code local.prewarmed}, in one go when they are the same region.
     */
    void handedOff(Assignment assignment, Container container) {
        Region asked = assignment.region();
        handOffs.get(asked)[assignment.origin().ordinal()]++;
        int byRule = refill(heldByApp.get(asked)[assignment.app().ordinal()], prebootNumber, free.get(asked).size());
        if (container.region() == asked) {
            prewarmLater(asked, Math.max(byRule, missing(asked)));
        } else {
            prewarmLater(asked, byRule);
            replenish(container.region());
        }
    }

    /** Replaces what the region's pool lacks to hold {@code local.prewarmed}, after the prewarm delay. */
    void replenish(Region region) {
        prewarmLater(region, missing(region));
    }

    private int missing(Region region) {
        return perRegion - free.get(region).size() - prewarming.get(region);
    }

    private void prewarmLater(Region region, int count) {
        for (int i = 0; i < count; i++) {
            prewarming.merge(region, 1, Integer::sum);
            scheduler.after(prewarmDelay, () -> {
                prewarming.merge(region, -1, Integer::sum);
                prewarm(region);
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

    /** What {@code /admin/pool} shows: the pool and the hand-offs of each region. */
    AnswerBodies.PoolState state() {
        List<AnswerBodies.RegionPool> regions = new ArrayList<>();
        for (Region region : Region.values()) {
            int held = 0;
            for (int count : heldByApp.get(region)) {
                held += count;
            }
            long[] byOrigin = handOffs.get(region);
            regions.add(new AnswerBodies.RegionPool(region.id(), region.cluster(), free.get(region).size(),
                    prewarming.get(region), held, byOrigin[Assignment.Origin.PREWARMED.ordinal()],
                    byOrigin[Assignment.Origin.SPUN_UP.ordinal()]));
        }
        return AnswerBodies.PoolState.of(perRegion, prebootNumber, regions);
    }
}
