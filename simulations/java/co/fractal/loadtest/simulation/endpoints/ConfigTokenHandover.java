package co.fractal.loadtest.simulation.endpoints;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.HOST_IP;
import static io.gatling.javaapi.core.CoreDsl.ElFileBody;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * {@code PUT https://<host>:<port>/set_config_encryption_token}: the client's half of the rendezvous, sent to
 * the host service itself (TLS with a self-signed certificate, which Gatling trusts by default; no admin token).
 */
public final class ConfigTokenHandover {
    private ConfigTokenHandover() {
    }

    /** The request to the host service listening on {@code port} of the host {@code /host_service} named. */
    public static HttpRequestActionBuilder request(int port) {
        return http("set_config_encryption_token").put("https://#{" + HOST_IP + "}:" + port + "/set_config_encryption_token")
                .ignoreProtocolHeaders().asJson()
                .body(ElFileBody("bodies/config-token.json"))
                .check(Answers.statusKept(), status().in(Answers.SUCCESSFUL))
                .checkIf(Answers.statusOtherThan(200)).then(Answers.excerptKept());
    }
}
