package co.fractal.loadtest.simulation.endpoints;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.RETRY_AFTER;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.TASK_ID;
import static io.gatling.javaapi.core.CoreDsl.ElFileBody;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * {@code POST /mandelbox/assign} (or the pre-rename {@code /container/assign}) with the user, app, region and
 * DPI: 202 and the task's id, or 429/503 and perhaps a {@code Retry-After} to come back later.
 */
public final class Assign {
    private Assign() {
    }

    public static HttpRequestActionBuilder request(String path) {
        return http("assign").post(path)
                .body(ElFileBody("bodies/assign.json"))
                .check(Answers.statusKept(), status().in(202, 429, 503))
                .checkIf(Answers.statusOtherThan(202)).then(Answers.excerptKept())
                .checkIf(Answers.statusOf(202)).then(jmesPath("ID").saveAs(TASK_ID))
                .check(header("Retry-After").withDefault("").saveAs(RETRY_AFTER));
    }
}
