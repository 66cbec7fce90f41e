package co.fractal.loadtest.journey;

import java.util.Optional;

/**
 * What {@code /host_service} said once the user's container was waiting for the client.
 *
 * @param ip         the host's ip
 * @param port       the container's port on the host
 * @param authSecret the client_app_auth_secret to present to the host service
 */
public record HostAssignment(String ip, int port, String authSecret) {

    /** The host, once an answer names all three (they are null while the container is not ready for the client). */
    public static Optional<HostAssignment> of(String ip, Integer port, String authSecret) {
        return ip != null && port != null && port > 0 && authSecret != null
                ? Optional.of(new HostAssignment(ip, port, authSecret)) : Optional.empty();
    }

    /** "ip:port". */
    public String hostAndPort() {
        return ip + ":" + port;
    }
}
