package co.fractal.loadtest.simulation.groups;

import co.fractal.loadtest.config.HostSettings;
import co.fractal.loadtest.management.LoadTestRun;
import co.fractal.loadtest.results.SessionSummary;
import co.fractal.loadtest.simulation.endpoints.HostAuth;
import co.fractal.loadtest.simulation.endpoints.HostHeartbeat;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.DYING;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.HEARTBEAT_NUMBER;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.INSTANCE_ID;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.REGION;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.STATUS;
import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;

/**
 * The container hosts, as the 2021 host service ran on each: a host authenticates once, then sends a heartbeat
 * every 55–65 s (drawn each time) for as long as the load runs, and a dying one when it is over. A scenario of its
 * own beside the journeys; one virtual user per host.
 */
public final class HostActors {
    /** The scenario's name. */
    public static final String SCENARIO = "container hosts";
    private static final String NEXT_BEAT_AT = "nextBeatAt";
    private static final Duration WAKE_UP = Duration.ofSeconds(1);

    private final LoadTestRun run;
    private final HostSettings settings;
    private final String region;
    private final Duration guard;

    /**
     * @param region the AWS region the hosts say they are in
     * @param guard  the longest the hosts may live: the run's cap
     */
    public HostActors(LoadTestRun run, HostSettings settings, String region, Duration guard) {
        this.run = run;
        this.settings = settings;
        this.region = region;
        this.guard = guard;
    }

    public ScenarioBuilder scenario(String runId) {
        return CoreDsl.scenario(SCENARIO)
                .exec(session -> session.set(INSTANCE_ID, "i-loadtest-" + runId + "-" + session.userId())
                        .set(REGION, region).set(HEARTBEAT_NUMBER, 0).set(DYING, false))
                .exec(HostAuth.request()).exec(counted(SessionSummary.HOST_AUTH))
                // heartbeats while the load runs; the wait between two is cut short when the load is over
                .exec(asLongAsDuring(session -> !run.loadOver(), guard, "heartbeatLoop", false).on(
                        exec(session -> session.set(HEARTBEAT_NUMBER, session.getInt(HEARTBEAT_NUMBER) + 1))
                                .exec(HostHeartbeat.alive()).exec(counted(SessionSummary.HEARTBEAT))
                                .exec(session -> session.set(NEXT_BEAT_AT, System.nanoTime()
                                        + settings.heartbeat().draw(ThreadLocalRandom.current()).toNanos()))
                                .exec(asLongAsDuring(session -> !run.loadOver()
                                        && System.nanoTime() < session.getLong(NEXT_BEAT_AT), guard, "beatWait", false)
                                        .on(pause(WAKE_UP)))))
                .exec(session -> session.set(HEARTBEAT_NUMBER, session.getInt(HEARTBEAT_NUMBER) + 1).set(DYING, true))
                .exec(HostHeartbeat.dying()).exec(counted(SessionSummary.DYING_BEAT))
                .exec(session -> {
                    run.hostEnded();
                    return session;
                });
    }

    private java.util.function.Function<Session, Session> counted(String endpoint) {
        return session -> {
            run.answered(endpoint, session.contains(STATUS) ? session.getInt(STATUS) : 0);
            return session.remove(STATUS);
        };
    }
}
