package co.fractal.loadtest.webserver;

/**
 * A container as {@code GET /admin/containers} lists it.
 *
 * @param containerId the container's id
 * @param userId      the user holding it, or null for a prewarmed container
 * @param state       the container's state
 * @param ip          the host's ip
 * @param port        the container's port on the host
 */
public record ContainerRecord(String containerId, String userId, String state, String ip, int port) {
}
