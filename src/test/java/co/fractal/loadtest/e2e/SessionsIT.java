package co.fractal.loadtest.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sessions profile run the way users run it, with seconds-long sessions and pings every 200 ms so that every
 * ending is held and judged within a minute: judged from the run's summary.json and exit status. The reap time (5 s)
 * is 25 pings: a held container is taken for dead only after a stall far longer than a shared machine's.
 */
class SessionsIT {
    private static final List<String> SHORT_SESSIONS = List.of("gatling:test", "-Dprofile=sessions", "-Dusers=30",
            "-DspawnRate=2", "-Dsession.length=uniform:min=1s,max=2s", "-Dsession.pingInterval=200ms",
            "-Dsession.abandonWait=1s", "-Dsession.blip=600ms..900ms", "-Dsession.logsPoll=200ms",
            "-Dsession.reapAfter=5s", "-Dsession.goneWithin=10s", "-Dlocal.reapAfter=5s",
            "-Dsession.endings=graceful=1,abandon=1,blip=1,silent=1,relaunch=1",
            "-Dhosts.count=2", "-Dhosts.heartbeat=300ms..500ms", "-DmaxDuration=4m");

    private static String[] args(String... more) {
        List<String> args = new ArrayList<>(SHORT_SESSIONS);
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void everyEndingIsHeldAndEndsAsItShouldAndNothingIsLeft() throws Exception {
        MavenRun.Result run = MavenRun.named("sessions").args(args()).run();

        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode summary = Summaries.read(run.latestSummary());
        JsonNode sessions = summary.path("sessions");
        assertThat(sessions.path("started").asInt()).isEqualTo(30);
        assertThat(sessions.path("failed").asInt()).as(sessions.path("failures").toString()).isZero();
        for (String ending : new String[]{"graceful", "abandon", "blip", "silent", "relaunch"}) {
            assertThat(sessions.at("/byEnding/" + ending + "/started").asInt()).as(ending).isEqualTo(6);
            assertThat(sessions.at("/byEnding/" + ending + "/succeeded").asInt()).as(ending).isEqualTo(6);
        }
        assertThat(sessions.at("/containers/stillThere").asInt()).as("every container gone after its ending").isZero();
        // the reaper runs at an assign: the silent deaths of the first sessions are followed by many, the last ones
        // (once the arrivals are over) perhaps by none, and stay unjudged
        assertThat(sessions.at("/byEnding/silent/containerGone/count").asInt()).as("silent containers reaped")
                .isGreaterThanOrEqualTo(2);
        assertThat(sessions.at("/containers/gone").asInt() + sessions.at("/containers/unjudged").asInt()).isEqualTo(30);
        assertThat(sessions.at("/containers/unjudged").asInt()).as("only silent deaths no assign followed")
                .isEqualTo(6 - sessions.at("/byEnding/silent/containerGone/count").asInt());
        assertThat(sessions.at("/byEnding/blip/containerGone/count").asInt()).as("blipping containers survived, then ended")
                .isEqualTo(6);
        assertThat(summary.at("/journeys/started").asInt()).as("30 journeys and 6 relaunches").isEqualTo(36);
        assertThat(summary.at("/journeys/succeeded").asInt()).isEqualTo(36);
        assertThat(summary.at("/requests/logs/202").asInt()).as("every ending but the silent ones sent its logs").isEqualTo(24);
        assertThat(summary.at("/requests/mandelbox~1delete/202").asInt()).isEqualTo(24);
        assertThat(summary.at("/requests/mandelbox~1ping/200").asInt()).isGreaterThan(100);
        assertThat(sessions.at("/pool/prewarmedPercent").asDouble()).isPositive();
        assertThat(sessions.at("/pool/timeline")).as("the pool's size sampled from GET /admin/pool")
                .anyMatch(point -> point.path("poolSize").isNumber());
        assertThat(sessions.path("hosts").path("authenticated").asInt()).isEqualTo(2);
        assertThat(sessions.path("hosts").path("heartbeats").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(sessions.path("hosts").path("dyingBeats").asInt()).isEqualTo(2);
        for (String invariant : new String[]{"EXCLUSIVE_CONTAINERS", "MONOTONIC_STATUS", "JOURNEY_ACCOUNTING", "CLEAN_TEARDOWN",
                "SESSION_ENDINGS"}) {
            assertThat(Summaries.invariant(summary, invariant).path("status").asText()).as(invariant).isEqualTo("ok");
        }
        assertThat(summary.at("/teardown/leftovers")).isEmpty();
    }

    @Test
    void aLockTimeoutUnderPingsAndAssignsIsCaughtBySessionEndings() throws Exception {
        MavenRun.Result run = MavenRun.named("sessions-ping-lock-timeout").args(args("-Dlocal.faults=ping-lock-timeout")).run();

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("✗ SESSION_ENDINGS violated");
        JsonNode summary = Summaries.read(run.latestSummary());
        JsonNode violated = Summaries.invariant(summary, "SESSION_ENDINGS");
        assertThat(violated.path("status").asText()).isEqualTo("violated");
        assertThat(violated.path("evidence").get(0).asText()).contains("was still there");
        assertThat(summary.at("/journeys/failed").asInt()).as("every journey looked fine").isZero();
    }
}
