package co.fractal.loadtest.simulation.groups;

import co.fractal.loadtest.config.JourneySettings;
import co.fractal.loadtest.config.PollBudget;
import co.fractal.loadtest.journey.AcquiredContainer;
import co.fractal.loadtest.journey.FailureReasons;
import co.fractal.loadtest.journey.HostAssignment;
import co.fractal.loadtest.journey.RejectedAnswer;
import co.fractal.loadtest.journey.RetryPause;
import co.fractal.loadtest.journey.TaskProgress;
import co.fractal.loadtest.journey.TaskRead;
import co.fractal.loadtest.management.LoadTestRun;
import co.fractal.loadtest.results.ContainerOrigin;
import co.fractal.loadtest.results.Invariant;
import co.fractal.loadtest.results.JourneyFailure;
import co.fractal.loadtest.results.JourneyResult;
import co.fractal.loadtest.results.JourneyStep;
import co.fractal.loadtest.results.Violation;
import io.gatling.javaapi.core.Session;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.AUTH_SECRET;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.CONTAINER_ID;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.CONTAINER_ORIGIN;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.EXCERPT;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.HOST_IP;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.HOST_PORT;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.RETRY_AFTER;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.SECRET_KEY;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.STATUS;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.TASK_ID;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.TASK_OUTPUT;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.TASK_STATE;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.USERNAME;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.USER_STATE;

/**
 * What each answer the checks let through means for the journey, as session functions: the step moves on,
 * waits for the next poll, or fails with its reason; the step's time is kept; and the run hears what spans
 * users (tasks in flight, containers held, invariants, requests by status). Every value it keeps in the
 * session is immutable; the rules themselves are the plain functions of {@code co.fractal.loadtest.journey}.
 * <p>
 * A journey whose check failed (or whose request got no answer) leaves its {@code exitBlockOnFail} block at
 * once; {@link #end} then names the reason from what the failing answer's checks saved.
 */
final class StepJudge {
    // the journey's own bookkeeping, beside the keys the endpoints use
    private static final String STEP = "step";
    private static final String ANSWERS = "stepAnswers";
    private static final String STARTED_AT = "startedAt";
    private static final String STEP_STARTED_AT = "stepStartedAt";
    private static final String ORIGIN = "origin";
    private static final String HOST = "host";
    private static final String LAST_READ = "lastTaskRead";
    /** The container the journey acquired ({@link AcquiredContainer}). */
    static final String CONTAINER = "container";
    /** The journey's id: its test user's name, or with " (relaunch)" for a session's relaunch. */
    static final String JOURNEY_ID = "journeyId";
    private static final String TIME_TO_CONTAINER = "timeToContainerMicros";
    private static final String CONFIRMED = "confirmed";
    private static final String FAILURE = "failure";
    private static final Map<JourneyStep, String> STEP_MICROS = new EnumMap<>(JourneyStep.class);

    static {
        for (JourneyStep step : JourneyStep.values()) {
            STEP_MICROS.put(step, "micros." + step.key());
        }
    }

    private final LoadTestRun run;
    private final JourneySettings settings;

    StepJudge(LoadTestRun run, JourneySettings settings) {
        this.run = run;
        this.settings = settings;
    }

    // ---- loops -----------------------------------------------------------------------------------------

    /** A step's loop goes on while the journey is in that step and the step's budget of answers lasts. */
    Function<Session, Boolean> within(JourneyStep step, int budget) {
        return session -> session.get(STEP) == step && session.getInt(ANSWERS) < budget;
    }

    /** True while the journey is still in that step. */
    Function<Session, Boolean> still(JourneyStep step) {
        return session -> session.get(STEP) == step;
    }

    /** How long to wait before assigning again. */
    Duration retryPause(Session session) {
        return RetryPause.after(session.getString(RETRY_AFTER), settings);
    }

    /** A step's loop ended by its time guard while still in that step: the journey fails there. */
    Function<Session, Session> loopEnded(JourneyStep step) {
        return session -> {
            if (session.get(STEP) != step) {
                return session;
            }
            int answers = session.getInt(ANSWERS);
            return fail(session, switch (step) {
                case ASSIGN -> FailureReasons.assignTimedOut(answers);
                case HOST_WAIT -> FailureReasons.hostTimedOut(answers);
                default -> FailureReasons.taskTimedOut(session.getString(TASK_ID), answers);
            });
        };
    }

    // ---- the steps -------------------------------------------------------------------------------------

    /** The journey begins with its test user (refused when there is none left). */
    Session begin(Session session) {
        return begin(session, session.getString(USERNAME));
    }

    /** The same user's journey again, for a new container while its session's one ends: a journey of its own. */
    Session relaunch(Session session) {
        Session fresh = session.removeAll(TASK_ID, HOST_IP, HOST_PORT, AUTH_SECRET, CONTAINER_ORIGIN, USER_STATE, TASK_STATE,
                TASK_OUTPUT, STATUS, EXCERPT, CONTAINER_ID, SECRET_KEY, HOST, LAST_READ, CONTAINER, TIME_TO_CONTAINER,
                CONFIRMED, FAILURE).removeAll(STEP_MICROS.values().toArray(String[]::new));
        return begin(fresh, session.getString(USERNAME) + " (relaunch)");
    }

    private Session begin(Session session, String journeyId) {
        long now = System.nanoTime();
        Session begun = session.set(JOURNEY_ID, journeyId).set(STARTED_AT, now).set(STEP_STARTED_AT, now)
                .set(STEP, JourneyStep.ASSIGN).set(ANSWERS, 0).set(ORIGIN, ContainerOrigin.UNKNOWN);
        return run.beginJourney(journeyId).map(refusal -> fail(begun, refusal)).orElse(begun);
    }

    /** True when the journey reached its container and confirmed it. */
    static boolean acquired(Session session) {
        return !session.isFailed() && session.contains(CONFIRMED);
    }

    /** 202 moves on to the host wait; 429 and 503 are retried until the attempts are spent. */
    Session assignAnswered(Session session) {
        int status = session.getInt(STATUS);
        run.answered("assign", status);
        Session counted = counted(session);
        if (status == 202) {
            run.taskAccepted(session.getString(USERNAME), session.getString(TASK_ID));
            return answerUsed(stepEnded(counted, JourneyStep.HOST_WAIT));
        }
        int attempts = counted.getInt(ANSWERS);
        return answerUsed(attempts >= settings.assignAttempts()
                ? fail(counted, FailureReasons.retriesSpent(rejectedAnswer(session), attempts)) : counted);
    }

    /** The host is known once the answer names ip, port and secret; until then, poll within the budget. */
    Session hostAnswered(Session session) {
        run.answered("host_service", session.getInt(STATUS));
        ContainerOrigin origin = session.<ContainerOrigin>get(ORIGIN)
                .after(session.getString(CONTAINER_ORIGIN), session.getString(USER_STATE));
        Session counted = counted(session).set(ORIGIN, origin);
        Optional<HostAssignment> host = HostAssignment.of(session.getString(HOST_IP), session.get(HOST_PORT),
                session.getString(AUTH_SECRET));
        if (host.isPresent()) {
            return answerUsed(stepEnded(counted.set(HOST, host.get()), JourneyStep.TOKEN_HANDOVER));
        }
        PollBudget budget = settings.hostWait();
        int polls = counted.getInt(ANSWERS);
        return answerUsed(polls >= budget.polls() ? fail(counted, FailureReasons.hostBudgetSpent(polls, budget)) : counted);
    }

    /** The host service took the token: the task can finish. */
    Session tokenAnswered(Session session) {
        run.answered("set_config_encryption_token", session.getInt(STATUS));
        return answerUsed(stepEnded(session, JourneyStep.TASK_WAIT));
    }

    /** A running task is polled within the budget; SUCCESS hands the journey its container. */
    Session taskAnswered(Session session) {
        run.answered("status", session.getInt(STATUS));
        Session counted = counted(session);
        TaskRead read = taskRead(session);
        Optional<String> breach = progress(session).breach(session.get(LAST_READ), read);
        Session judged = counted.set(LAST_READ, read);
        if (breach.isPresent()) {
            return answerUsed(violated(judged, new Violation(Invariant.MONOTONIC_STATUS, breach.get())));
        }
        if (read.isSuccess()) {
            return answerUsed(acquired(judged, AcquiredContainer.of((Map<?, ?>) read.output())));
        }
        PollBudget budget = settings.taskWait();
        int polls = judged.getInt(ANSWERS);
        return answerUsed(polls >= budget.polls()
                ? fail(judged, FailureReasons.taskBudgetSpent(session.getString(TASK_ID), read.state(), polls, budget))
                : judged);
    }

    /** The re-read of a finished task must show it unchanged. */
    Session confirmAnswered(Session session) {
        run.answered("status", session.getInt(STATUS));
        TaskRead read = taskRead(session);
        Optional<String> breach = progress(session).breach(session.get(LAST_READ), read);
        Session judged = session.set(LAST_READ, read).set(CONFIRMED, true).set(STEP_STARTED_AT, System.nanoTime());
        return answerUsed(breach.map(evidence -> violated(judged,
                new Violation(Invariant.MONOTONIC_STATUS, evidence))).orElse(judged));
    }

    /** The container is released: nothing of the journey is left on the webserver. */
    Session releaseAnswered(Session session) {
        run.answered("container/delete", session.getInt(STATUS));
        run.released(session.getString(JOURNEY_ID), session.get(CONTAINER));
        return answerUsed(stepEnded(session, null));
    }

    /**
     * The journey ends, however it ended: its result goes to the run. A journey that left its block without a
     * failure of its own failed a check, or got no answer, at the step it was in.
     */
    Session end(Session session) {
        JourneyStep step = session.get(STEP);
        JourneyFailure failure = session.get(FAILURE);
        if (failure == null && session.isFailed()) {
            RejectedAnswer answer = rejectedAnswer(session);
            run.answered(endpoint(step, session.contains(CONFIRMED)), answer.status() == null ? 0 : answer.status());
            failure = FailureReasons.rejected(step, session.getString(TASK_ID), answer);
        }
        TaskRead lastRead = session.contains(TASK_STATE) ? taskRead(session) : session.get(LAST_READ);
        Map<JourneyStep, Long> stepMicros = new EnumMap<>(JourneyStep.class);
        STEP_MICROS.forEach((each, key) -> {
            if (session.contains(key)) {
                stepMicros.put(each, session.getLong(key));
            }
        });
        run.endJourney(new JourneyResult(session.getString(JOURNEY_ID), Optional.ofNullable(failure), session.get(ORIGIN),
                session.contains(TIME_TO_CONTAINER) ? session.getLong(TIME_TO_CONTAINER) : -1, stepMicros),
                session.getString(USERNAME), lastRead != null && lastRead.isFinal());
        return session;
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private Session acquired(Session session, AcquiredContainer container) {
        long micros = (System.nanoTime() - session.getLong(STARTED_AT)) / 1000;
        Session ready = stepEnded(session.set(TIME_TO_CONTAINER, micros).set(CONTAINER, container)
                .set(CONTAINER_ID, container.containerId()).set(SECRET_KEY, container.secretKey()), JourneyStep.RELEASE);
        // the run records a violation it finds; the journey fails with it
        return run.acquired(session.getString(JOURNEY_ID), container)
                .map(violation -> fail(ready, FailureReasons.violated(JourneyStep.TASK_WAIT, violation))).orElse(ready);
    }

    private Session violated(Session session, Violation violation) {
        run.violated(violation);
        return fail(session, FailureReasons.violated(session.get(STEP), violation));
    }

    private TaskProgress progress(Session session) {
        return new TaskProgress(session.getString(TASK_ID), session.getString(USERNAME), session.get(HOST));
    }

    private static TaskRead taskRead(Session session) {
        return new TaskRead(session.getString(TASK_STATE), session.get(TASK_OUTPUT));
    }

    private static RejectedAnswer rejectedAnswer(Session session) {
        Integer status = session.contains(STATUS) ? session.getInt(STATUS) : null;
        String excerpt = session.contains(EXCERPT) ? session.getString(EXCERPT) : "";
        return new RejectedAnswer(status, excerpt, session.getString(USER_STATE), taskRead(session));
    }

    private static Session counted(Session session) {
        return session.set(ANSWERS, session.getInt(ANSWERS) + 1);
    }

    /** The answer's own values are judged: what stays in the session is what the journey knows now. */
    private static Session answerUsed(Session session) {
        return session.removeAll(STATUS, EXCERPT, USER_STATE, CONTAINER_ORIGIN, TASK_STATE, TASK_OUTPUT);
    }

    private static Session stepEnded(Session session, JourneyStep next) {
        long now = System.nanoTime();
        JourneyStep step = session.get(STEP);
        Session timed = session.set(STEP_MICROS.get(step), (now - session.getLong(STEP_STARTED_AT)) / 1000)
                .set(STEP_STARTED_AT, now).set(ANSWERS, 0);
        return next == null ? timed : timed.set(STEP, next);
    }

    private static Session fail(Session session, JourneyFailure failure) {
        return session.set(FAILURE, failure).markAsFailed();
    }

    private static String endpoint(JourneyStep step, boolean confirmed) {
        return switch (step) {
            case ASSIGN -> "assign";
            case HOST_WAIT -> "host_service";
            case TOKEN_HANDOVER -> "set_config_encryption_token";
            case TASK_WAIT -> "status";
            case RELEASE -> confirmed ? "container/delete" : "status";
        };
    }
}
