package co.fractal.loadtest.simulation.endpoints;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.HELD_IP;
import static io.gatling.javaapi.core.CoreDsl.ElFileBody;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * {@code POST /mandelbox/ping}: what a held container sends the webserver every few seconds, from its host's
 * address ({@code X-Forwarded-For}), with its port and key; the webserver finds its row by the two and answers 200.
 */
public final class ContainerPing {
    private ContainerPing() {
    }

    /** A held container's ping: its row must still be there. */
    public static HttpRequestActionBuilder held() {
        return http("mandelbox/ping").post("/mandelbox/ping")
                .ignoreProtocolHeaders().asJson()
                .header("X-Forwarded-For", "#{" + HELD_IP + "}")
                .body(ElFileBody("bodies/ping.json"))
                .check(Answers.statusKept(), status().is(200))
                .checkIf(Answers.statusOtherThan(200)).then(Answers.excerptKept());
    }
}
