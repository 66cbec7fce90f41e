package co.fractal.loadtest.simulation.endpoints;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.ElFileBody;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * {@code POST /container/delete} with the container's id and key: what the container does itself when its
 * user leaves (no admin token).
 */
public final class ContainerRelease {
    private ContainerRelease() {
    }

    public static HttpRequestActionBuilder request() {
        return http("container/delete").post("/container/delete")
                .ignoreProtocolHeaders().asJson()
                .body(ElFileBody("bodies/container-delete.json"))
                .check(Answers.statusKept(), status().in(Answers.SUCCESSFUL))
                .checkIf(Answers.statusOtherThan(202)).then(Answers.excerptKept());
    }
}
