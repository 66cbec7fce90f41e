package co.fractal.loadtest.simulation;

import co.fractal.loadtest.management.ConnectedTarget;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.http.HttpDsl.http;

/** The HTTP protocol of the journeys: the target's address and admin token, one connection pool for all users. */
public final class JourneyProtocol {
    private JourneyProtocol() {
    }

    /**
     * The webserver's base URL and the admin token on its requests (requests to the host service and the
     * container's own release leave them out); one connection pool shared by every virtual user (thousands of
     * users, not thousands of sockets); no warm-up call, no cache.
     */
    public static HttpProtocolBuilder of(ConnectedTarget target) {
        return http.baseUrl(target.target().url().toString())
                .authorizationHeader("Bearer " + target.adminToken().reveal())
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .userAgentHeader("fractal-webserver-load-test")
                .shareConnections()
                .disableWarmUp()
                .disableCaching();
    }
}
