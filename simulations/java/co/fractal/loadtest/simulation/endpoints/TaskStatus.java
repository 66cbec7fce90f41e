package co.fractal.loadtest.simulation.endpoints;

import co.fractal.loadtest.management.LoadTestRun;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static co.fractal.loadtest.simulation.endpoints.JourneyRequests.journey;
import static io.gatling.javaapi.http.HttpDsl.http;

/** {@code GET /status/<task id>}: the assignment task's state, polled until final, then re-read once. */
public final class TaskStatus {
    private TaskStatus() {
    }

    /** A poll while the task runs. */
    public static HttpRequestActionBuilder poll(LoadTestRun run) {
        return http("status").get(session -> run.url("/status/" + journey(session).taskId()))
                .transformResponse((response, session) -> JourneyRequests.judge(response, session,
                        (journey, answer) -> journey.onStatus(answer)))
                .check(JourneyRequests.accepted());
    }

    /** The re-read after SUCCESS: a finished task must stay finished. */
    public static HttpRequestActionBuilder confirm(LoadTestRun run) {
        return http("status (confirm)").get(session -> run.url("/status/" + journey(session).taskId()))
                .transformResponse((response, session) -> JourneyRequests.judge(response, session,
                        (journey, answer) -> journey.onConfirm(answer)))
                .check(JourneyRequests.accepted());
    }
}
