package co.fractal.loadtest.simulation.groups;

import co.fractal.loadtest.config.SessionEnding;
import co.fractal.loadtest.config.SessionSettings;
import co.fractal.loadtest.journey.AcquiredContainer;
import co.fractal.loadtest.management.LoadTestRun;
import co.fractal.loadtest.results.Invariant;
import co.fractal.loadtest.results.SessionFailure;
import co.fractal.loadtest.results.SessionResult;
import co.fractal.loadtest.results.SessionSummary;
import co.fractal.loadtest.results.Violation;
import io.gatling.javaapi.core.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.AVAILABLE;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.EXCERPT;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.HELD_ID;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.HELD_IP;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.HELD_KEY;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.HELD_PORT;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.STATUS;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.TASK_OUTPUT;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.TASK_STATE;

/**
 * What each answer of a held session means, as session functions: the container's pings keep it held, its
 * ending runs its chain (logs, their task, the delete), probe pings learn whether it is gone, and the run hears
 * the session's outcome. A ping answered 404 while the container is held means it was taken away (reaped or
 * reassigned while pinging): an EXCLUSIVE_CONTAINERS violation; a container still there after its ending is a
 * SESSION_ENDINGS one.
 */
final class SessionJudge {
    private static final String ENDING = "sessionEnding";
    private static final String LENGTH = "sessionLength";
    private static final String HELD_CONTAINER = "heldContainer";
    private static final String PHASE = "sessionPhase";
    private static final String LAST_PING_AT = "lastPingAt";
    private static final String ENDING_STARTED_AT = "endingStartedAt";
    private static final String LOGS_STATE = "logsState";
    private static final String LOGS_POLLS = "logsPolls";
    private static final String DELETED_AT = "deletedAt";
    private static final String SILENT_SINCE = "silentSince";
    private static final String GONE_AT = "goneAt";
    private static final String FATE = "fate";
    private static final String SESSION_FAILURE = "sessionFailure";
    private static final String SESSION_OF = "sessionOf";

    private final LoadTestRun run;
    private final SessionSettings settings;
    private final java.util.concurrent.atomic.AtomicLong sessionsBegun = new java.util.concurrent.atomic.AtomicLong();

    SessionJudge(LoadTestRun run, SessionSettings settings) {
        this.run = run;
        this.settings = settings;
    }

    // ---- conditions and durations the chains read ------------------------------------------------------

    /** The session's ending. */
    static SessionEnding ending(Session session) {
        return session.get(ENDING);
    }

    /** How long the container is held before its ending (abandon: the wait for a client that never comes). */
    Duration holdFor(Session session) {
        return ending(session) == SessionEnding.ABANDON ? settings.abandonWait() : session.get(LENGTH);
    }

    /** Half the hold, before and after a blip. */
    static Duration halfHold(Session session) {
        return session.<Duration>get(LENGTH).dividedBy(2);
    }

    /** How long a blip's pings pause. */
    Duration blip(Session session) {
        return settings.blip().draw(ThreadLocalRandom.current());
    }

    /** True while the session has not failed. */
    static boolean going(Session session) {
        return !session.contains(SESSION_FAILURE) && !session.isFailed();
    }

    /** True while the logs task runs and its poll budget lasts. */
    Function<Session, Boolean> logsRunning() {
        return session -> session.contains(LOGS_STATE) && isRunning(session.getString(LOGS_STATE))
                && session.getInt(LOGS_POLLS) < settings.logsPolls();
    }

    /** After a delete: probes go on until the container is gone, for {@code session.goneWithin} at most. */
    Function<Session, Boolean> awaitingGone() {
        return session -> !session.contains(GONE_AT)
                && System.nanoTime() - session.getLong(DELETED_AT) < settings.goneWithin().toNanos();
    }

    /** A silent container is probed from the reap time on. */
    Duration untilReapTime(Session session) {
        Duration left = Duration.between(Instant.now(), session.<Instant>get(SILENT_SINCE).plus(settings.reapAfter()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * Probes of a silent container go on until it is gone, or until {@code session.goneWithin} past the reap time
     * and past the first assign accepted since then (the reaper runs at the end of an assign), within three times
     * that at most.
     */
    Function<Session, Boolean> awaitingReap() {
        return session -> {
            if (session.contains(GONE_AT)) {
                return false;
            }
            Instant now = Instant.now();
            Instant reapTime = session.<Instant>get(SILENT_SINCE).plus(settings.reapAfter());
            if (now.isAfter(reapTime.plus(settings.goneWithin().multipliedBy(3)))) {
                return false;
            }
            Optional<Instant> assign = run.firstAssignAcceptedSince(reapTime);
            return now.isBefore(reapTime.plus(settings.goneWithin()))
                    || assign.isEmpty() || now.isBefore(assign.get().plus(settings.goneWithin()));
        };
    }

    /** The pause between two probes. */
    Duration probeInterval() {
        Duration second = Duration.ofSeconds(1);
        return settings.pingInterval().compareTo(second) < 0 ? settings.pingInterval() : second;
    }

    // ---- the session -----------------------------------------------------------------------------------

    /** The container the journey acquired is held from now on: the session draws its length and ending. */
    Session begin(Session session) {
        AcquiredContainer container = session.get(StepJudge.CONTAINER);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        SessionEnding ending = settings.ending(sessionsBegun.getAndIncrement());
        run.sessionStarted(ending);
        return session.set(SESSION_OF, session.getString(StepJudge.JOURNEY_ID)).set(ENDING, ending)
                .set(LENGTH, settings.length().draw(random)).set(HELD_CONTAINER, container)
                .set(HELD_ID, container.containerId()).set(HELD_IP, container.ip()).set(HELD_PORT, container.port())
                .set(HELD_KEY, container.secretKey()).set(AVAILABLE, ending == SessionEnding.ABANDON)
                .set(PHASE, "hold").removeAll(SESSION_FAILURE, GONE_AT, FATE, LOGS_STATE, SILENT_SINCE);
    }

    /** A held container's ping answered 200 (any other answer failed its check). */
    Session pinged(Session session) {
        run.answered(SessionSummary.PING, session.getInt(STATUS));
        return answerUsed(session.set(LAST_PING_AT, Instant.now()));
    }

    /** The ending begins: the container says it is available (its client gone) and starts its chain. */
    Session endingBegins(Session session) {
        return session.set(ENDING_STARTED_AT, System.nanoTime()).set(AVAILABLE, true).set(PHASE, "ending");
    }

    /** The session moves on to its next phase (the step a failure is counted at). */
    static Function<Session, Session> phase(String phase) {
        return session -> session.set(PHASE, phase);
    }

    /** The logs were accepted: their task is polled next. */
    Session logsAnswered(Session session) {
        run.answered("logs", session.getInt(STATUS));
        return answerUsed(session.set(PHASE, "logs task").set(LOGS_STATE, "PENDING").set(LOGS_POLLS, 0));
    }

    /** The logs task read: waits while it runs; a failed task fails the session. */
    Session logsTaskAnswered(Session session) {
        run.answered("status", session.getInt(STATUS));
        String state = session.getString(TASK_STATE);
        Session read = answerUsed(session.set(LOGS_STATE, state).set(LOGS_POLLS, session.getInt(LOGS_POLLS) + 1));
        if (isRunning(state)) {
            return read.getInt(LOGS_POLLS) >= settings.logsPolls()
                    ? fail(read, "logs task", "budget exhausted", "logs task still " + state + " after " + settings.logsPolls() + " polls")
                    : read;
        }
        return state.equals("SUCCESS") ? read.set(PHASE, "delete")
                : fail(read, "logs task", "logs task " + state, "logs task " + state.toLowerCase(Locale.ROOT) + ": "
                + session.get(TASK_OUTPUT));
    }

    /** The container deleted itself: probes follow. */
    Session deleted(Session session) {
        run.answered("mandelbox/delete", session.getInt(STATUS));
        return answerUsed(session.set(DELETED_AT, System.nanoTime()).set(PHASE, "gone"));
    }

    /** A probe: 404 (no row there) or 401 (another container's row there now) means the container is gone. */
    Session probed(Session session) {
        int status = session.getInt(STATUS);
        run.answered(SessionSummary.PROBE, status);
        return answerUsed(status == 404 || status == 401 ? session.set(GONE_AT, System.nanoTime()) : session);
    }

    /** After its delete the container must be gone within {@code session.goneWithin}. */
    Session goneJudged(Session session) {
        if (session.contains(GONE_AT)) {
            return session.set(FATE, SessionResult.Fate.GONE);
        }
        return violated(session.set(FATE, SessionResult.Fate.STILL_THERE), "gone", new Violation(Invariant.SESSION_ENDINGS,
                "container " + session.getString(HELD_ID) + " at " + heldAt(session) + " of " + journeyId(session) + " ("
                        + ending(session).key() + ") was still there " + seconds(settings.goneWithin()) + " after its delete"));
    }

    /** The container dies: its pings stop, and the journey no longer holds it. */
    Session silenced(Session session) {
        run.containerSilenced(journeyId(session), session.get(HELD_CONTAINER));
        Instant lastPing = session.contains(LAST_PING_AT) ? session.get(LAST_PING_AT) : Instant.now();
        return session.set(SILENT_SINCE, lastPing).set(PHASE, "silent");
    }

    /** A silent container must be reaped at the first assign past the reap time; without one, nothing to judge. */
    Session reapJudged(Session session) {
        Instant silentSince = session.get(SILENT_SINCE);
        if (session.contains(GONE_AT)) {
            return session.set(FATE, SessionResult.Fate.GONE);
        }
        Instant reapTime = silentSince.plus(settings.reapAfter());
        Optional<Instant> assign = run.firstAssignAcceptedSince(reapTime);
        if (assign.isEmpty() || Instant.now().isBefore(assign.get().plus(settings.goneWithin()))) {
            return session.set(FATE, SessionResult.Fate.UNJUDGED);
        }
        return violated(session.set(FATE, SessionResult.Fate.STILL_THERE), "silent", new Violation(Invariant.SESSION_ENDINGS,
                "silent container " + session.getString(HELD_ID) + " at " + heldAt(session) + " of " + journeyId(session)
                        + ", last ping " + silentSince + ", was still there at " + Instant.now() + " although an assign"
                        + " was accepted at " + assign.get() + ", past its reap time (" + seconds(settings.reapAfter()) + ")"));
    }

    /** A relaunch's journey ended: whatever it did, the old container's ending goes on. */
    Session relaunched(Session session) {
        return session.markAsSucceeded();
    }

    /** The session ends, however it ended: its outcome goes to the run. */
    Session end(Session session) {
        SessionFailure failure = session.get(SESSION_FAILURE);
        String phase = session.getString(PHASE);
        if (failure == null && session.isFailed()) {
            Integer status = session.contains(STATUS) ? session.getInt(STATUS) : null;
            run.answered(endpoint(phase), status == null ? 0 : status);
            if (status != null && status == 404 && (phase.equals("hold") || phase.equals("ending"))) {
                Violation taken = new Violation(Invariant.EXCLUSIVE_CONTAINERS, "container " + session.getString(HELD_ID)
                        + " at " + heldAt(session) + " held by " + journeyId(session) + " answered 404 to its ping at "
                        + Instant.now() + ": taken away (reaped or reassigned) while it pinged");
                run.violated(taken);
                failure = new SessionFailure(phase, "invariant violated: exclusive_containers", taken.evidence());
            } else {
                failure = status == null
                        ? new SessionFailure(phase, "transport error", "no answer at " + phase + " (connection failed or timed out)")
                        : new SessionFailure(phase, "status " + status, "status " + status
                        + (session.contains(EXCERPT) ? ": " + session.getString(EXCERPT) : ""));
            }
        }
        SessionResult.Fate fate = session.contains(FATE) ? session.get(FATE) : SessionResult.Fate.UNKNOWN;
        long goneMicros = fate != SessionResult.Fate.GONE ? -1 : (session.getLong(GONE_AT) - (ending(session) == SessionEnding.SILENT
                ? nanosAt(session.get(SILENT_SINCE)) : session.getLong(ENDING_STARTED_AT))) / 1000;
        run.sessionEnded(new SessionResult(journeyId(session), ending(session), Optional.ofNullable(failure), fate,
                Math.max(-1, goneMicros)), session.get(HELD_CONTAINER));
        return answerUsed(session).markAsSucceeded();
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private Session violated(Session session, String phase, Violation violation) {
        run.violated(violation);
        return fail(session, phase, "invariant violated: " + violation.invariant().name().toLowerCase(Locale.ROOT),
                violation.evidence());
    }

    private static Session fail(Session session, String phase, String reason, String detail) {
        return session.set(SESSION_FAILURE, new SessionFailure(phase, reason, detail)).markAsFailed();
    }

    private static Session answerUsed(Session session) {
        return session.removeAll(STATUS, EXCERPT, TASK_STATE, TASK_OUTPUT);
    }

    private static boolean isRunning(String state) {
        return state.equals("PENDING") || state.equals("STARTED") || state.equals("RECEIVED");
    }

    private static String journeyId(Session session) {
        return session.getString(SESSION_OF);
    }

    private static String heldAt(Session session) {
        return session.getString(HELD_IP) + ":" + session.getInt(HELD_PORT);
    }

    /** The nanoTime that corresponds to a wall-clock instant, for durations measured against System.nanoTime. */
    private static long nanosAt(Instant instant) {
        return System.nanoTime() - Duration.between(instant, Instant.now()).toNanos();
    }

    private static String seconds(Duration duration) {
        return co.fractal.loadtest.config.Durations.describe(duration);
    }

    private static String endpoint(String phase) {
        return switch (phase) {
            case "hold", "ending" -> SessionSummary.PING;
            case "logs" -> "logs";
            case "logs task" -> "status";
            case "delete" -> "mandelbox/delete";
            default -> SessionSummary.PROBE;
        };
    }
}
