package co.fractal.loadtest.webserver;

/**
 * {@code /host_service}'s answer for a user: all null until a container waits for the user's client.
 *
 * @param ip           the host's ip, or null
 * @param port         the container's port on the host, or 0
 * @param userAppState the user's app state when the webserver says it (extension), or null
 */
public record HostInfo(String ip, int port, String userAppState) {

    /** True when a container is assigned to the user and waits for its client. */
    public boolean assigned() {
        return ip != null;
    }
}
