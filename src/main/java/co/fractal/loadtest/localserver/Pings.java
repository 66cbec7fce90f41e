package co.fractal.loadtest.localserver;

/**
 * A container's pings ({@code POST /mandelbox/ping}), as the 2021 webserver took them: the row is found by
 * the sender's address and {@code port_32262} and must have the key; the ping moves {@code last_pinged} and
 * the state (see {@link Container#pinged}). A container that pings by itself is the reaper's from then on,
 * not the idle timeout's. A row whose deletion was lost still answers. Under the state lock, as every other
 * write to a container row (the same lock the pool claim takes).
 */
final class Pings {
    private final Containers containers;
    private final ContainerRows rows;
    private final PingRowLocks rowLocks;
    private final ServerClock clock;

    Pings(Containers containers, ContainerRows rows, PingRowLocks rowLocks, ServerClock clock) {
        this.containers = containers;
        this.rows = rows;
        this.rowLocks = rowLocks;
        this.clock = clock;
    }

    /** Takes the ping; false when no row at that address and port has that key. */
    boolean ping(String address, int port, String secretKey, boolean available) {
        Container container = rows.at(address, port, secretKey);
        if (container == null) {
            return false;
        }
        container.pinged(available, clock);
        container.markSelfPinging();
        rowLocks.pinged(container.region());
        if (!container.deleted()) {
            containers.pinged(container);
            container.holders().forEach(Assignment::cancelIdleTimer);
        }
        return true;
    }
}
