package co.fractal.loadtest.localserver;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every container that exists, by id: creation within the capacity (containers existing at once, and the
 * host's port triples), and deletion. Changes happen under the state lock; lookups by id are lock-free.
 */
final class Containers {
    private static final String ACCOUNT = "000000000000";

    private final ConcurrentHashMap<String, Container> live = new ConcurrentHashMap<>();
    private final HostPorts ports = new HostPorts();
    private final int capacity;

    Containers(int capacity) {
        this.capacity = Math.min(capacity, HostPorts.TRIPLES);
    }

    /** The containers that may exist at once: the setting, capped by the host's port triples. */
    int capacity() {
        return capacity;
    }

    /** A new container in the region, or null when the capacity is reached. */
    Container create(Region region, Container.State state) {
        if (live.size() >= capacity) {
            return null;
        }
        int port = ports.allocate();
        if (port < 0) {
            return null;
        }
        String id;
        do {
            id = "arn:aws:ecs:" + region.id() + ":" + ACCOUNT + ":task/" + region.cluster() + "/" + Secrets.hex(16);
        } while (live.containsKey(id));
        Container container = new Container(id, region, port, Secrets.hex(16), state);
        live.put(id, container);
        return container;
    }

    /** The container with that id, or null. */
    Container get(String id) {
        return live.get(id);
    }

    Collection<Container> all() {
        return live.values();
    }

    /** The container is gone: its id and ports are free. */
    void delete(Container container) {
        forget(container);
        ports.free(container.port());
    }

    /**
     * The container is gone, but the deletion of its row was lost: the row stays listed (by
     * {@link LostWrites}) and so its ports stay taken.
     */
    void deleteKeepingRow(Container container) {
        forget(container);
    }

    private void forget(Container container) {
        container.markDeleted();
        live.remove(container.id());
    }
}
