package co.fractal.loadtest.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulation run the way users run it, {@code mvn gatling:test}, against the embedded reference
 * webserver; judged from the run's own outputs (summary.json, Gatling's report, the exit status).
 */
class SimulationRunIT {

    @Test
    void aSmokeRunAcquiresAndReleasesEveryContainerAndCleansUp() throws Exception {
        MavenRun.Result run = MavenRun.named("smoke").args("gatling:test", "-Dprofile=smoke", "-Dusers=4").run();

        assertThat(run.exitCode()).as(run.output()).isZero();
        Matcher report = Pattern.compile("please open the following file: file://(\\S+index\\.html)").matcher(run.output());
        assertThat(report.find()).as("Gatling prints its report's path").isTrue();
        assertThat(Path.of(report.group(1))).exists();

        JsonNode summary = Summaries.read(run.latestSummary());
        assertThat(summary.at("/verdict/passed").asBoolean()).isTrue();
        assertThat(summary.at("/journeys/started").asInt()).isEqualTo(4);
        assertThat(summary.at("/journeys/succeeded").asInt()).isEqualTo(4);
        assertThat(summary.at("/journeys/failed").asInt()).isZero();
        assertThat(summary.at("/timeToContainer/overall/count").asInt()).isEqualTo(4);
        assertThat(summary.at("/requests/container~1delete/202").asInt()).as("every container released").isEqualTo(4);
        assertThat(summary.at("/teardown/deleted/users").asInt()).isEqualTo(4);
        assertThat(summary.at("/teardown/leftovers")).isEmpty();
        for (String invariant : new String[]{"EXCLUSIVE_CONTAINERS", "MONOTONIC_STATUS", "JOURNEY_ACCOUNTING", "CLEAN_TEARDOWN"}) {
            assertThat(Summaries.invariant(summary, invariant).path("status").asText()).as(invariant).isEqualTo("ok");
        }
        assertThat(summary.at("/run/gatlingReport").asText()).isEqualTo(report.group(1));
        JsonNode generator = summary.path("generator");
        assertThat(generator.path("saturated").asBoolean()).as("a run below capacity").isFalse();
        assertThat(generator.path("samples")).as("sampled every second").isNotEmpty();
        assertThat(generator.path("connections").asInt()).isPositive();
        assertThat(summary.at("/verdict/caveats").toString()).doesNotContain("saturated");
        assertThat(run.output()).contains("  generator: not saturated · at most:");
    }

    @Test
    void containersLeftUnreleasedByTheJourneysAreReleasedAtTeardown() throws Exception {
        MavenRun.Result run = MavenRun.named("no-release").args("gatling:test", "-Dprofile=smoke", "-Dusers=3",
                "-Drelease=false").run();

        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode summary = Summaries.read(run.latestSummary());
        assertThat(summary.at("/journeys/succeeded").asInt()).isEqualTo(3);
        assertThat(summary.at("/requests").has("container/delete")).as("journeys left their containers").isFalse();
        assertThat(summary.at("/teardown/deleted/containers").asInt()).isEqualTo(3);
        assertThat(Summaries.invariant(summary, "CLEAN_TEARDOWN").path("status").asText()).isEqualTo("ok");
    }

    @Test
    void aServerThatRefusesAssignmentsFailsTheRunWithTheReasonVisible() throws Exception {
        MavenRun.Result run = MavenRun.named("refused").args("gatling:test", "-Dprofile=smoke", "-Dusers=3",
                "-Dlocal.maintenance=true").run();

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("assign: status 512", "Load test FAILED", "success 0.00 % (0/3)");
        JsonNode summary = Summaries.read(run.latestSummary());
        assertThat(summary.at("/verdict/passed").asBoolean()).isFalse();
        JsonNode failure = summary.at("/journeys/failures/0");
        assertThat(failure.path("step").asText()).isEqualTo("assign");
        assertThat(failure.path("reason").asText()).isEqualTo("status 512");
        assertThat(failure.path("count").asInt()).isEqualTo(3);
        assertThat(summary.at("/teardown/deleted/users").asInt()).as("provisioned users removed anyway").isEqualTo(3);
    }

    @Test
    void aBadSettingStopsTheRunBeforeAnyRequest() throws Exception {
        MavenRun.Result run = MavenRun.named("bad-setting").args("gatling:test", "-Dusers=ten", "-DhostWait.polls=-5").run();

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("users: 'ten' is not accepted; expected a whole number from 1 to 1000000",
                "hostWait.polls: '-5' is not accepted");
        assertThat(run.output()).doesNotContain("provisioned", "Simulation co.fractal.loadtest.simulation.ContainerJourneySimulation started");
        Path results = run.dir().resolve("loadtest");
        assertThat(!Files.exists(results) || Files.list(results).findAny().isEmpty()).as("no run folder").isTrue();
    }
}
