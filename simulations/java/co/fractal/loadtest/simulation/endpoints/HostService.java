package co.fractal.loadtest.simulation.endpoints;

import co.fractal.loadtest.management.LoadTestRun;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static co.fractal.loadtest.simulation.endpoints.JourneyRequests.journey;
import static io.gatling.javaapi.http.HttpDsl.http;

/** {@code GET /host_service?username=…}: the host and secret, once a container waits for the client. */
public final class HostService {
    private HostService() {
    }

    public static HttpRequestActionBuilder request(LoadTestRun run) {
        return http("host_service")
                .get(session -> run.url("/host_service?username="
                        + URLEncoder.encode(journey(session).username(), StandardCharsets.UTF_8)))
                .header("Authorization", session -> run.authorization())
                .transformResponse((response, session) -> JourneyRequests.judge(response, session,
                        (journey, answer) -> journey.onHost(answer)))
                .check(JourneyRequests.accepted());
    }
}
