package co.fractal.loadtest.simulation.endpoints;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.ElFileBody;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * {@code POST /container/delete} (and {@code /mandelbox/delete}, its later name) with the container's id and key:
 * what the container does itself when its user leaves (no admin token).
 */
public final class ContainerRelease {
    private ContainerRelease() {
    }

    /** The journey's release of the container it just acquired. */
    public static HttpRequestActionBuilder request() {
        return http("container/delete").post("/container/delete")
                .ignoreProtocolHeaders().asJson()
                .body(ElFileBody("bodies/container-delete.json"))
                .check(Answers.statusKept(), status().in(Answers.SUCCESSFUL))
                .checkIf(Answers.statusOtherThan(202)).then(Answers.excerptKept());
    }

    /** A held session's container deleting itself at the end of its ending ({@code POST /mandelbox/delete}). */
    public static HttpRequestActionBuilder held() {
        return http("mandelbox/delete").post("/mandelbox/delete")
                .ignoreProtocolHeaders().asJson()
                .body(ElFileBody("bodies/held-container-delete.json"))
                .check(Answers.statusKept(), status().in(Answers.SUCCESSFUL))
                .checkIf(Answers.statusOtherThan(202)).then(Answers.excerptKept());
    }
}
