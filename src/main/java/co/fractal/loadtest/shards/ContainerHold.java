package co.fractal.loadtest.shards;

import java.time.Instant;

/**
 * One user's hold on one container, as a shard recorded it: from the moment its task read SUCCESS with the
 * container to the moment its release was answered (or the shard's teardown, when it kept it).
 *
 * @param container the container id
 * @param address   the container's ip:port
 * @param user      the test user (the journey)
 * @param from      held from
 * @param to        held until
 */
public record ContainerHold(String container, String address, String user, Instant from, Instant to) {
}
