package co.fractal.loadtest.simulation.endpoints;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.ElFileBody;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/** {@code POST /host_service/heartbeat}: a host says it lives, with its memory; the last one says it is dying. */
public final class HostHeartbeat {
    private HostHeartbeat() {
    }

    /** A regular heartbeat. */
    public static HttpRequestActionBuilder alive() {
        return request("host_service/heartbeat");
    }

    /** The heartbeat a host sends as it shuts down. */
    public static HttpRequestActionBuilder dying() {
        return request("host_service/heartbeat (dying)");
    }

    private static HttpRequestActionBuilder request(String name) {
        return http(name).post("/host_service/heartbeat")
                .ignoreProtocolHeaders().asJson()
                .body(ElFileBody("bodies/heartbeat.json"))
                .check(Answers.statusKept(), status().is(200));
    }
}
