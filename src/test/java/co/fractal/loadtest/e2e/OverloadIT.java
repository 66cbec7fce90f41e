package co.fractal.loadtest.e2e;

import co.fractal.loadtest.testing.WebserverFront;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A load past what the generator can send, against the reference webserver in its own process: the generator may
 * hold 4 connections (one request in flight at a time) and the webserver, behind a front, answers each request
 * 200 ms late — so requests queue in the generator whatever the machine's speed, and its figures measure that
 * queue. Failing by default, the run stops itself once saturation lasts {@code generator.stopAfter}, names the
 * saturation as its reason and leaves nothing on the webserver; with {@code -Dgenerator.saturation=warn} the run
 * goes on and its verdict carries the saturation as a caveat, with the time it began.
 */
class OverloadIT {
    private StandaloneWebserver webserver;
    private WebserverFront slow;

    @BeforeEach
    void startASlowWebserver() throws Exception {
        webserver = StandaloneWebserver.start(Path.of("target", "it", "overload-webserver"));
        slow = WebserverFront.of(webserver.url()).answeringAfter(Duration.ofMillis(200));
    }

    @AfterEach
    void stopIt() throws Exception {
        slow.close();
        webserver.close();
    }

    @Test
    void anOverloadedGeneratorStopsItsRunNamesSaturationAndLeavesNothing() throws Exception {
        MavenRun.Result run = webserver.target(MavenRun.named("overload").args("gatling:test", "-Dusers=40",
                "-DspawnRate=20", "-Dgenerator.connections=4", "-Dgenerator.stopAfter=3s"), slow.url()).run();

        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("generator: the load generator saturated from 00:0",
                "✗ the load generator saturated from 00:0", "figures after 00:0", "measure the generator, not the webserver",
                "✗ the load was stopped at 00:0", "teardown of run");
        JsonNode summary = Summaries.read(run.latestSummary());
        JsonNode generator = summary.path("generator");
        assertThat(generator.path("saturated").asBoolean()).isTrue();
        assertThat(generator.path("saturatedFrom").asText()).startsWith("00:0");
        assertThat(generator.path("signals").toString()).contains("requests waiting for a connection");
        assertThat(generator.path("stoppedAt").asText()).startsWith("00:");
        assertThat(generator.path("requestsAtOnce").asInt()).isEqualTo(1);
        assertThat(summary.at("/verdict/passed").asBoolean()).isFalse();
        assertThat(summary.at("/run/cutShort").asBoolean()).isTrue();
        assertThat(summary.at("/teardown/failures")).isEmpty();

        assertThat(webserver.admin().loadTestLeftovers()).isEmpty();
    }

    @Test
    void aRunPastCapacityWithSaturationWarnedGetsACaveatWithTheTimeItBegan() throws Exception {
        MavenRun.Result run = webserver.target(MavenRun.named("overload-warned").args("gatling:test", "-Dusers=16",
                "-DspawnRate=2", "-Dgenerator.connections=4", "-Dgenerator.saturation=warn", "-Dgenerator.stopAfter=10m"),
                slow.url()).run();

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Load test PASSED", "! the load generator saturated from 00:0");
        JsonNode summary = Summaries.read(run.latestSummary());
        assertThat(summary.at("/journeys/succeeded").asInt()).isEqualTo(16);
        assertThat(summary.at("/verdict/caveats/0").asText()).startsWith("the load generator saturated from 00:0")
                .contains("at 2 journeys/s offered", "requests waiting for a connection");
        assertThat(summary.at("/generator/saturationMode").asText()).isEqualTo("warn");
        assertThat(summary.at("/generator/stoppedAt").isNull()).isTrue();
        assertThat(webserver.admin().loadTestLeftovers()).isEmpty();
    }
}
