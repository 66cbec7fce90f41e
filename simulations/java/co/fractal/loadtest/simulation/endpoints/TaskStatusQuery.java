package co.fractal.loadtest.simulation.endpoints;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.LOGS_TASK_ID;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.TASK_ID;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.TASK_OUTPUT;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.TASK_STATE;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/** {@code GET /status/<task id>}: the assignment task's state and output (on SUCCESS, the container row). */
public final class TaskStatusQuery {
    private TaskStatusQuery() {
    }

    /** A read while the task runs: a failed, cancelled or revoked task fails the journey. */
    public static HttpRequestActionBuilder poll() {
        return read("status")
                .check(jmesPath("state").not("FAILURE"), jmesPath("state").not("CANCELLED"), jmesPath("state").not("REVOKED"));
    }

    /** The re-read of a task that reached SUCCESS: whether it stayed so is judged against the previous read. */
    public static HttpRequestActionBuilder confirm() {
        return read("status (confirm)");
    }

    /** A read of the task that stores an ending container's logs. */
    public static HttpRequestActionBuilder logs() {
        return read("status (logs)", LOGS_TASK_ID);
    }

    private static HttpRequestActionBuilder read(String name) {
        return read(name, TASK_ID);
    }

    private static HttpRequestActionBuilder read(String name, String taskKey) {
        return http(name).get("/status/#{" + taskKey + "}")
                .check(Answers.statusKept(), status().is(200))
                .checkIf(Answers.statusOtherThan(200)).then(Answers.excerptKept())
                .check(jmesPath("state").saveAs(TASK_STATE), jmesPath("output").ofObject().optional().saveAs(TASK_OUTPUT));
    }
}
