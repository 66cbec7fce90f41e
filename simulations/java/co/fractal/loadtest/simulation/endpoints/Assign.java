package co.fractal.loadtest.simulation.endpoints;

import co.fractal.loadtest.management.LoadTestRun;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static co.fractal.loadtest.simulation.endpoints.JourneyRequests.journey;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.http.HttpDsl.http;

/** {@code POST /mandelbox/assign} (or the legacy path): asks for a container, answered 202 with a task id. */
public final class Assign {
    private Assign() {
    }

    public static HttpRequestActionBuilder request(LoadTestRun run, String path) {
        return http("assign").post(session -> run.url(path))
                .header("Authorization", session -> run.authorization())
                .body(StringBody(session -> journey(session).assignBody()))
                .transformResponse((response, session) -> JourneyRequests.judge(response, session,
                        (journey, answer) -> journey.onAssign(answer, response.headers().get("Retry-After"))))
                .check(JourneyRequests.accepted());
    }
}
