package co.fractal.loadtest.simulation.endpoints;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.AUTH_SECRET;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.CONTAINER_ORIGIN;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.HOST_IP;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.HOST_PORT;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.USER_STATE;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.USERNAME;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * {@code GET /host_service?username=…}: the host's ip and port and the secret for the host service, all null
 * until the user's container waits for its client; a user whose assignment failed or was cancelled fails here.
 */
public final class HostServiceQuery {
    private HostServiceQuery() {
    }

    public static HttpRequestActionBuilder request() {
        return http("host_service").get("/host_service").queryParam("username", "#{" + USERNAME + "}")
                .check(Answers.statusKept(), status().is(200))
                .checkIf(Answers.statusOtherThan(200)).then(Answers.excerptKept())
                .check(jmesPath("ip").optional().saveAs(HOST_IP),
                        jmesPath("port").ofInt().optional().saveAs(HOST_PORT),
                        jmesPath("client_app_auth_secret").optional().saveAs(AUTH_SECRET),
                        jmesPath("container_origin").optional().saveAs(CONTAINER_ORIGIN),
                        jmesPath("user_app_state").optional().saveAs(USER_STATE),
                        jmesPath("user_app_state").not("FAILURE"),
                        jmesPath("user_app_state").not("CANCELLED"));
    }
}
