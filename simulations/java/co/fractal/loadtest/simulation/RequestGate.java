package co.fractal.loadtest.simulation;

import co.fractal.loadtest.generator.ConnectionBudget;
import co.fractal.loadtest.management.LoadTestRun;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.time.Duration;

import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.USERNAME;
import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.pause;

/**
 * A journey's request under the run's {@link ConnectionBudget}: it waits (pausing, never blocking an event loop) until
 * the budget lets it go, goes, and gives its permit back once answered. A request that fails leaves its block before
 * giving it back: the journey's end does (the run releases a journey's permit when it ends), or the session's
 * ({@link #settle}).
 */
public final class RequestGate {
    private final LoadTestRun run;

    public RequestGate(LoadTestRun run) {
        this.run = run;
    }

    /** The request, sent once the budget allows it. */
    public ChainBuilder exec(HttpRequestActionBuilder request) {
        return asLongAsDuring(this::mustWait, session -> run.maxDuration()).on(pause(this::retryPause))
                .exec(request)
                .exec(this::settle);
    }

    private boolean mustWait(Session session) {
        return !budget().tryAcquire(session.getString(USERNAME));
    }

    private Duration retryPause(Session session) {
        return budget().retryPause();
    }

    /** The user's requests are over for now (a held session ended, however it ended): its permit, if any, is free. */
    public Session settle(Session session) {
        budget().release(session.getString(USERNAME));
        return session;
    }

    private ConnectionBudget budget() {
        return run.generator().connections();
    }
}
