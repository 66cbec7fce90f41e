package co.fractal.loadtest.e2e;

import co.fractal.loadtest.config.LocalServerSettings;
import co.fractal.loadtest.json.Json;
import co.fractal.loadtest.localserver.LocalWebserver;
import co.fractal.loadtest.testing.AdminView;
import co.fractal.loadtest.testing.WebserverFront;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An assign that times out leaves the journey not knowing whether the webserver assigned it a container: the run
 * records it in the manifest as maybe created, and its teardown removes it; nothing of the run remains.
 */
class AmbiguousOutcomesIT {

    @Test
    void anAssignThatTimesOutIsRecordedAsMaybeCreatedAndNothingOfTheRunRemains() throws Exception {
        try (LocalWebserver server = LocalWebserver.start(LocalServerSettings.defaults());
             WebserverFront front = WebserverFront.of(server.baseUrl()).withholdingAssign(2)) {
            MavenRun.Result run = MavenRun.named("assign-timeout")
                    .args("gatling:test", "-Dtarget=" + front.url(), "-DhostServicePort=" + server.hostServicePort(),
                            "-Dprofile=smoke", "-Dusers=3", "-Dgatling.http.requestTimeout=3000")
                    .env("WEBSERVER_ADMIN_USERNAME", server.adminUsername())
                    .env("WEBSERVER_ADMIN_PASSWORD", server.adminPassword())
                    .run();

            assertThat(run.exitCode()).as("a journey failed").isNotZero();
            JsonNode summary = Summaries.read(run.latestSummary());
            JsonNode failure = summary.at("/journeys/failures/0");
            assertThat(failure.path("step").asText()).isEqualTo("assign");
            assertThat(failure.path("reason").asText()).isEqualTo("transport error");
            Path manifest = run.dir().resolve("loadtest").resolve(summary.at("/run/id").asText()).resolve("manifest.json");
            JsonNode maybe = Json.MAPPER.readTree(manifest.toFile()).path("maybeCreated");
            assertThat(maybe).hasSize(1);
            assertThat(maybe.get(0).path("kind").asText()).isEqualTo("assignment");
            assertThat(maybe.get(0).path("detail").asText()).isEqualTo("assign: transport error");
            assertThat(summary.at("/teardown/failures")).isEmpty();

            assertThat(AdminView.of(server).loadTestLeftovers()).isEmpty();
        }
    }
}
