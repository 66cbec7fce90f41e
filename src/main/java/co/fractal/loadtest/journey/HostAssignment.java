package co.fractal.loadtest.journey;

/**
 * What {@code /host_service} said once the user's container was waiting for the client.
 *
 * @param ip         the host's ip
 * @param port       the container's port on the host
 * @param authSecret the client_app_auth_secret to present to the host service
 */
public record HostAssignment(String ip, int port, String authSecret) {

    /** "ip:port". */
    public String hostAndPort() {
        return ip + ":" + port;
    }
}
