package co.fractal.loadtest.simulation.groups;

import co.fractal.loadtest.config.JourneySettings;
import co.fractal.loadtest.config.PollBudget;
import co.fractal.loadtest.config.SessionSettings;
import co.fractal.loadtest.management.LoadTestRun;
import co.fractal.loadtest.results.JourneyStep;
import co.fractal.loadtest.simulation.RequestGate;
import co.fractal.loadtest.simulation.endpoints.Assign;
import co.fractal.loadtest.simulation.endpoints.ConfigTokenHandover;
import co.fractal.loadtest.simulation.endpoints.ContainerRelease;
import co.fractal.loadtest.simulation.endpoints.HostServiceQuery;
import co.fractal.loadtest.simulation.endpoints.TaskStatusQuery;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;

import java.time.Duration;
import java.util.function.Function;

import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.pause;

/**
 * The container-acquiring journey of one test user, step by step as the README's journey table reads. Steps
 * 1–4 form the group "acquire container", whose duration is the headline figure: time to container. Each
 * request's checks judge its answer; the first failure leaves the block, and the journey is recorded
 * either way. Every loop is bounded by its budget and by a time guard.
 */
public final class ContainerJourney {
    /** The group whose duration is the time to container. */
    public static final String ACQUIRE = "acquire container";

    private final JourneySettings settings;
    private final SessionSettings sessions;
    private final TestUsers testUsers;
    private final StepJudge judge;
    private final RequestGate gate;
    private final int hostServicePort;
    private final ContainerSession session;

    /**
     * @param run             the run the journeys report to
     * @param settings        what each journey asks for and how patiently it waits
     * @param hostServicePort the port of the host service on the hosts {@code /host_service} names
     */
    public ContainerJourney(LoadTestRun run, JourneySettings settings, SessionSettings sessions, int hostServicePort) {
        this.settings = settings;
        this.sessions = sessions;
        this.testUsers = new TestUsers(run, settings);
        this.judge = new StepJudge(run, settings);
        this.gate = new RequestGate(run);
        this.hostServicePort = hostServicePort;
        this.session = new ContainerSession(run, sessions, journey(judge::relaunch, true));
    }

    public ScenarioBuilder scenario() {
        return CoreDsl.scenario("container journey")
                .feed(testUsers.feeder())
                .exec(journey(judge::begin, !sessions.held() && settings.release()))
                // the user holds its container for a while, and its session ends as the 2021 ones did
                .doIf(session -> sessions.held() && StepJudge.acquired(session)).then(session.hold());
    }

    // the steps, from assign to the container confirmed (and released at once unless a session holds it)
    private ChainBuilder journey(Function<Session, Session> begin, boolean releaseAtOnce) {
        return exitBlockOnFail().on(
                        exec(begin),
                        group(ACQUIRE).on(assign(), waitForHost(), handOverConfigToken(), waitForTask()),
                        confirm(),
                        doIf(session -> releaseAtOnce).then(release()))
                .exec(judge::end);
    }

    // 1. ask for a container; 429 and 503 come back after Retry-After (capped) or the configured delay
    private ChainBuilder assign() {
        Duration guard = settings.maxRetryAfter().plusSeconds(60).multipliedBy(settings.assignAttempts());
        return asLongAsDuring(judge.within(JourneyStep.ASSIGN, settings.assignAttempts()), guard, "assignLoop", false).on(
                        gate.exec(Assign.request(settings.assignPath())).exec(judge::assignAnswered),
                        doIf(judge.still(JourneyStep.ASSIGN)).then(pause(judge::retryPause)))
                .exec(judge.loopEnded(JourneyStep.ASSIGN));
    }

    // 2. poll /host_service until the container waits for this client
    private ChainBuilder waitForHost() {
        return poll(JourneyStep.HOST_WAIT, settings.hostWait(),
                gate.exec(HostServiceQuery.request()).exec(judge::hostAnswered));
    }

    // 3. the client's half of the rendezvous, to the host service itself
    private ChainBuilder handOverConfigToken() {
        return gate.exec(ConfigTokenHandover.request(hostServicePort)).exec(judge::tokenAnswered);
    }

    // 4. poll the task until it is final; SUCCESS is required
    private ChainBuilder waitForTask() {
        return poll(JourneyStep.TASK_WAIT, settings.taskWait(),
                gate.exec(TaskStatusQuery.poll()).exec(judge::taskAnswered));
    }

    // 5. a finished task stays finished
    private ChainBuilder confirm() {
        return gate.exec(TaskStatusQuery.confirm()).exec(judge::confirmAnswered);
    }

    // 6. release the container, as the container itself does when its user leaves
    private ChainBuilder release() {
        return gate.exec(ContainerRelease.request()).exec(judge::releaseAnswered);
    }

    private ChainBuilder poll(JourneyStep step, PollBudget budget, ChainBuilder pollOnce) {
        Duration guard = budget.maxWait().multipliedBy(2).plusSeconds(30);
        return asLongAsDuring(judge.within(step, budget.polls()), guard, step.key() + "Loop", false).on(
                        pollOnce,
                        doIf(judge.still(step)).then(pause(budget.interval())))
                .exec(judge.loopEnded(step));
    }
}
