package co.fractal.loadtest.localserver;

import java.util.EnumMap;
import java.util.Map;

/**
 * The ping-lock-timeout fault's row locks: each ping holds its container's row lock for
 * {@link LockTimeout#HOLD} (its transaction), and the reaper, which locks every row of its cluster, waits at most
 * {@link LockTimeout#PATIENCE} for them. Only the latest ping of each cluster matters: its lock is the one
 * released last. Without the fault pings take no lock the reaper could wait for. Times are on the server's
 * clock. Under the state lock.
 */
final class PingRowLocks {
    private final Map<Region, Long> heldUntil = new EnumMap<>(Region.class);
    private final boolean fault;
    private final ServerClock clock;

    PingRowLocks(boolean fault, ServerClock clock) {
        this.fault = fault;
        this.clock = clock;
    }

    /** A container of the cluster pinged now: under the fault, its row is locked for the ping's transaction. */
    void pinged(Region cluster) {
        if (fault) {
            heldUntil.put(cluster, clock.nanos() + LockTimeout.HOLD.toNanos());
        }
    }

    /** True when a reaper locking the cluster's rows now would wait past its patience: its lock times out. */
    boolean reaperTimesOut(Region cluster) {
        Long until = heldUntil.get(cluster);
        return until != null && until - clock.nanos() > LockTimeout.PATIENCE.toNanos();
    }
}
