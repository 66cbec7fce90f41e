package co.fractal.loadtest.simulation.groups;

import co.fractal.loadtest.config.SessionEnding;
import co.fractal.loadtest.config.SessionSettings;
import co.fractal.loadtest.management.LoadTestRun;
import co.fractal.loadtest.simulation.RequestGate;
import co.fractal.loadtest.simulation.endpoints.ContainerLogs;
import co.fractal.loadtest.simulation.endpoints.ContainerLookup;
import co.fractal.loadtest.simulation.endpoints.ContainerPing;
import co.fractal.loadtest.simulation.endpoints.ContainerRelease;
import co.fractal.loadtest.simulation.endpoints.TaskStatusQuery;
import io.gatling.javaapi.core.ChainBuilder;

import java.time.Duration;
import java.util.function.Function;

import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.doSwitch;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static io.gatling.javaapi.core.CoreDsl.pause;

/**
 * The session after a container is ready: the user holds it while the container pings the webserver, then the
 * session ends as the 2021 client and container ended theirs — graceful, abandon, blip, silent death or relaunch —
 * and probes (read-only lookups of its row) check its container is gone. Every loop is bounded in count or time.
 */
final class ContainerSession {
    private final SessionSettings settings;
    private final SessionJudge judge;
    private final RequestGate gate;
    private final ChainBuilder relaunch;

    /**
     * @param relaunch the journey a relaunching user takes for a new container while the held one ends
     */
    ContainerSession(LoadTestRun run, SessionSettings settings, ChainBuilder relaunch) {
        this.settings = settings;
        this.judge = new SessionJudge(run, settings);
        this.gate = new RequestGate(run);
        this.relaunch = relaunch;
    }

    /** The whole session, from the container ready to its ending judged. */
    ChainBuilder hold() {
        return exec(judge::begin)
                // holding, and the start of the ending
                .exitBlockOnFail().on(doSwitch(SessionJudge::ending).on(
                        onCase(SessionEnding.GRACEFUL).then(pingFor(judge::holdFor).exec(beginEnding())),
                        onCase(SessionEnding.ABANDON).then(pingFor(judge::holdFor).exec(judge::endingBegins)),
                        onCase(SessionEnding.BLIP).then(pingFor(SessionJudge::halfHold).pause(judge::blip)
                                .exec(pingFor(SessionJudge::halfHold)).exec(beginEnding())),
                        onCase(SessionEnding.SILENT).then(pingFor(judge::holdFor).exec(judge::silenced)),
                        onCase(SessionEnding.RELAUNCH).then(pingFor(judge::holdFor).exec(beginEnding()))))
                // a relaunching user asks for a new container while the old one ends
                .doIf(session -> SessionJudge.going(session) && SessionJudge.ending(session) == SessionEnding.RELAUNCH)
                .then(relaunch.exec(judge::relaunched))
                // the rest of the ending, then whether the container is gone
                .exitBlockOnFail().on(doIf(SessionJudge::going).then(
                        doIfOrElse(session -> SessionJudge.ending(session) == SessionEnding.SILENT).then(awaitReap())
                                .orElse(endItself())))
                .exec(judge::end)
                .exec(gate::settle);
    }

    // pings every session.pingInterval for as long as the function says; the client is connected unless abandoned
    private ChainBuilder pingFor(Function<io.gatling.javaapi.core.Session, Duration> length) {
        return during(length, "holdLoop", false).on(
                gate.exec(ContainerPing.held()).exec(judge::pinged).pause(settings.pingInterval()));
    }

    // the client leaves: the container says it is available
    private ChainBuilder beginEnding() {
        return exec(judge::endingBegins).exec(gate.exec(ContainerPing.held())).exec(judge::pinged);
    }

    // logs, their task, the delete, then probes until it is gone
    private ChainBuilder endItself() {
        Duration logsGuard = settings.logsPoll().plusSeconds(30).multipliedBy(settings.logsPolls());
        Duration probeGuard = settings.goneWithin().plusSeconds(30);
        return exec(SessionJudge.phase("logs")).exec(gate.exec(ContainerLogs.request())).exec(judge::logsAnswered)
                .exec(asLongAsDuring(judge.logsRunning(), logsGuard, "logsLoop", false).on(
                        pause(settings.logsPoll()).exec(gate.exec(TaskStatusQuery.logs())).exec(judge::logsTaskAnswered)))
                .exec(SessionJudge.phase("delete")).exec(gate.exec(ContainerRelease.held())).exec(judge::deleted)
                .exec(asLongAsDuring(judge.awaitingGone(), probeGuard, "goneLoop", false).on(
                        gate.exec(ContainerLookup.probe()).exec(judge::probed)
                                .doIf(judge.awaitingGone()).then(pause(judge.probeInterval()))))
                .exec(judge::goneJudged);
    }

    // a dead container: probes from its reap time until the reaper took it, or until there is nothing to judge
    private ChainBuilder awaitReap() {
        Duration guard = settings.reapAfter().plus(settings.goneWithin().multipliedBy(4)).plusSeconds(30);
        return pause(judge::untilReapTime)
                .exec(asLongAsDuring(judge.awaitingReap(), guard, "reapLoop", false).on(
                        gate.exec(ContainerLookup.probe()).exec(judge::probed)
                                .doIf(judge.awaitingReap()).then(pause(judge.probeInterval()))))
                .exec(judge::reapJudged);
    }
}
