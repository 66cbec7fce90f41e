package co.fractal.loadtest.simulation.endpoints;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.HOST_TOKEN;
import static io.gatling.javaapi.core.CoreDsl.ElFileBody;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/** {@code POST /host_service/auth}: a container host introduces itself once; 200 and the token of its heartbeats. */
public final class HostAuth {
    private HostAuth() {
    }

    public static HttpRequestActionBuilder request() {
        return http("host_service/auth").post("/host_service/auth")
                .ignoreProtocolHeaders().asJson()
                .body(ElFileBody("bodies/host-auth.json"))
                .check(Answers.statusKept(), status().is(200), jmesPath("AuthToken").saveAs(HOST_TOKEN));
    }
}
