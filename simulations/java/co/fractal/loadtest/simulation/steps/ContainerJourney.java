package co.fractal.loadtest.simulation.steps;

import co.fractal.loadtest.config.JourneySettings;
import co.fractal.loadtest.config.PollBudget;
import co.fractal.loadtest.management.LoadTestRun;
import co.fractal.loadtest.results.JourneyStep;
import co.fractal.loadtest.simulation.endpoints.Assign;
import co.fractal.loadtest.simulation.endpoints.ConfigToken;
import co.fractal.loadtest.simulation.endpoints.ContainerRelease;
import co.fractal.loadtest.simulation.endpoints.HostService;
import co.fractal.loadtest.simulation.endpoints.TaskStatus;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.time.Duration;
import java.util.function.Function;

import static co.fractal.loadtest.simulation.endpoints.JourneyRequests.JOURNEY;
import static co.fractal.loadtest.simulation.endpoints.JourneyRequests.journey;
import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.pause;

/**
 * The container-acquiring journey of one test user, step by step. Steps 1–4 form the group "acquire
 * container", whose duration is the headline figure: time to container. Every loop is bounded by its
 * budget's count and by a time guard; the first failure ends the journey, which is recorded either way.
 */
public final class ContainerJourney {
    /** The group whose duration is the time to container. */
    public static final String ACQUIRE = "acquire container";

    private final LoadTestRun run;
    private final JourneySettings settings;

    public ContainerJourney(LoadTestRun run, JourneySettings settings) {
        this.run = run;
        this.settings = settings;
    }

    public ScenarioBuilder scenario() {
        return CoreDsl.scenario("container journey")
                .exec(begin())
                .exitBlockOnFail().on(
                        group(ACQUIRE).on(assign(), waitForHost(), handOverConfigToken(), waitForTask()),
                        confirmAndRelease())
                .exec(end());
    }

    // the next test user takes a journey
    private ChainBuilder begin() {
        return exec(session -> failIfJourneyFailed(session.set(JOURNEY, run.beginJourney())));
    }

    // 1. ask for a container; 429 and 503 are retried after Retry-After (or the configured delay)
    private ChainBuilder assign() {
        Duration guard = settings.maxRetryAfter().plusSeconds(60).multipliedBy(settings.assignAttempts());
        return asLongAsDuring(session -> journey(session).assigning(), guard).on(
                exec(Assign.request(run, settings.assignPath()))
                        .doIf(session -> journey(session).assigning()).then(pause(session -> journey(session).retryPause())))
                .exec(loopEnded(JourneyStep.ASSIGN));
    }

    // 2. poll /host_service until the container waits for this client
    private ChainBuilder waitForHost() {
        return poll(JourneyStep.HOST_WAIT, HostService.request(run), session -> journey(session).waitingForHost(), settings.hostWait());
    }

    // 3. the client's half of the rendezvous
    private ChainBuilder handOverConfigToken() {
        return exec(ConfigToken.request(run));
    }

    // 4. poll the task until it is final; SUCCESS is required
    private ChainBuilder waitForTask() {
        return poll(JourneyStep.TASK_WAIT, TaskStatus.poll(run), session -> journey(session).waitingForTask(), settings.taskWait());
    }

    // 5. re-read the finished task (it must stay finished), then release the container as the container itself would
    private ChainBuilder confirmAndRelease() {
        return exec(TaskStatus.confirm(run))
                .doIf(session -> journey(session).releasing()).then(exec(ContainerRelease.request(run)));
    }

    private ChainBuilder end() {
        return exec(session -> {
            run.endJourney(journey(session));
            return session;
        });
    }

    private ChainBuilder poll(JourneyStep step, HttpRequestActionBuilder request, Function<Session, Boolean> waiting, PollBudget budget) {
        Duration guard = budget.maxWait().multipliedBy(2).plusSeconds(30);
        return asLongAsDuring(waiting, guard).on(
                exec(request).doIf(waiting).then(pause(budget.interval())))
                .exec(loopEnded(step));
    }

    private ChainBuilder loopEnded(JourneyStep step) {
        return exec(session -> {
            journey(session).loopEnded(step);
            return failIfJourneyFailed(session);
        });
    }

    private static Session failIfJourneyFailed(Session session) {
        return journey(session).failure().isPresent() ? session.markAsFailed() : session;
    }
}
