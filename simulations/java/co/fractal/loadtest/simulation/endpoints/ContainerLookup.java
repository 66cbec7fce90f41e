package co.fractal.loadtest.simulation.endpoints;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.HELD_IP;
import static io.gatling.javaapi.core.CoreDsl.ElFileBody;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * {@code POST /mandelbox/protocol_info}: the container's row, looked up by address, port and key — read only, so
 * asking does not keep a silent container alive (a ping would). After a session's ending it tells whether the
 * container is gone: 404 (no row at that address and port) or 401 (another container's row there now), 200 while
 * it is still there.
 */
public final class ContainerLookup {
    private ContainerLookup() {
    }

    /** The probe after a session's ending. */
    public static HttpRequestActionBuilder probe() {
        return http("mandelbox/protocol_info (probe)").post("/mandelbox/protocol_info")
                .ignoreProtocolHeaders().asJson()
                .header("X-Forwarded-For", "#{" + HELD_IP + "}")
                .body(ElFileBody("bodies/container-lookup.json"))
                .check(Answers.statusKept(), status().in(200, 401, 404));
    }
}
