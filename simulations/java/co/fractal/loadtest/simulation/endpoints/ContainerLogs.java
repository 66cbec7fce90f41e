package co.fractal.loadtest.simulation.endpoints;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.LOGS_TASK_ID;
import static io.gatling.javaapi.core.CoreDsl.ElFileBody;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/** {@code POST /logs}: an ending container uploads its logs; 202 and the id of the task that stores them. */
public final class ContainerLogs {
    private ContainerLogs() {
    }

    public static HttpRequestActionBuilder request() {
        return http("logs").post("/logs")
                .ignoreProtocolHeaders().asJson()
                .body(ElFileBody("bodies/logs.json"))
                .check(Answers.statusKept(), status().is(202), jmesPath("ID").saveAs(LOGS_TASK_ID))
                .checkIf(Answers.statusOtherThan(202)).then(Answers.excerptKept());
    }
}
