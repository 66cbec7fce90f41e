package co.fractal.loadtest.localserver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every container that exists, by id and by {@code port_32262}: creation within the capacity (containers
 * existing at once, and the host's port triples), deletion, and the order in which each cluster's containers
 * last pinged, so the reaper finds the silent ones without reading the others. Changes happen under the
 * state lock; lookups by id are lock-free.
 */
final class Containers {
    private static final String ACCOUNT = "000000000000";

    private final ConcurrentHashMap<String, Container> live = new ConcurrentHashMap<>();
    private final Map<Integer, Container> byPort = new ConcurrentHashMap<>();
    private final Map<Region, LinkedHashSet<Container>> byLastPing = new EnumMap<>(Region.class);
    private final HostPorts ports = new HostPorts();
    private final int capacity;

    Containers(int capacity) {
        this.capacity = Math.min(capacity, HostPorts.TRIPLES);
        for (Region region : Region.values()) {
            byLastPing.put(region, new LinkedHashSet<>());
        }
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
        byPort.put(port, container);
        return container;
    }

    /** The container with that id, or null. */
    Container get(String id) {
        return live.get(id);
    }

    /** The container whose {@code port_32262} that is, or null. */
    Container atPort(int port) {
        return byPort.get(port);
    }

    Collection<Container> all() {
        return live.values();
    }

    /** The container pinged just now: it is the last of its cluster to have pinged. */
    void pinged(Container container) {
        LinkedHashSet<Container> order = byLastPing.get(container.region());
        order.remove(container);
        order.add(container);
    }

    /** The cluster's containers whose last ping is before {@code cutoffNanos}, longest silent first. */
    List<Container> silentSince(Region cluster, long cutoffNanos) {
        List<Container> silent = new ArrayList<>();
        for (Container container : byLastPing.get(cluster)) {
            if (container.lastPingNanos() - cutoffNanos >= 0) {
                break;
            }
            silent.add(container);
        }
        return silent;
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
        byPort.remove(container.port(), container);
        byLastPing.get(container.region()).remove(container);
    }
}
