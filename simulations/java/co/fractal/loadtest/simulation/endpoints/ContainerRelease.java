package co.fractal.loadtest.simulation.endpoints;

import co.fractal.loadtest.management.LoadTestRun;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static co.fractal.loadtest.simulation.endpoints.JourneyRequests.journey;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.http.HttpDsl.http;

/** {@code POST /container/delete} with the container's key: what the container does itself when the user leaves. */
public final class ContainerRelease {
    private ContainerRelease() {
    }

    public static HttpRequestActionBuilder request(LoadTestRun run) {
        return http("container/delete").post(session -> run.url("/container/delete"))
                .body(StringBody(session -> journey(session).releaseBody()))
                .transformResponse((response, session) -> JourneyRequests.judge(response, session,
                        (journey, answer) -> journey.onRelease(answer)))
                .check(JourneyRequests.accepted());
    }
}
