package co.fractal.loadtest.simulation.endpoints;

import co.fractal.loadtest.management.LoadTestRun;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static co.fractal.loadtest.simulation.endpoints.JourneyRequests.journey;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * {@code PUT https://<host>:<port>/set_config_encryption_token}: the client's half of the rendezvous, sent
 * to the host service over TLS with a self-signed certificate (Gatling trusts it by default).
 */
public final class ConfigToken {
    private ConfigToken() {
    }

    public static HttpRequestActionBuilder request(LoadTestRun run) {
        return http("set_config_encryption_token")
                .put(session -> run.configTokenUrl(journey(session).host().ip()))
                .body(StringBody(session -> journey(session).tokenBody()))
                .transformResponse((response, session) -> JourneyRequests.judge(response, session,
                        (journey, answer) -> journey.onToken(answer)))
                .check(JourneyRequests.accepted());
    }
}
