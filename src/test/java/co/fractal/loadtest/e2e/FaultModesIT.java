package co.fractal.loadtest.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each historical bug, switched on in the reference webserver, fails a default weekly run through the
 * invariant that exists to catch it, with evidence; the smoke run of {@link SimulationRunIT} shows the
 * same invariants holding with faults off.
 */
class FaultModesIT {

    @ParameterizedTest(name = "{0} breaks {1}")
    @CsvSource({
            "double-assign, EXCLUSIVE_CONTAINERS, container",
            "lock-timeout, CLEAN_TEARDOWN, still",
            "mixed-status, MONOTONIC_STATUS, went from SUCCESS back to PENDING",
            "rendezvous-race, MONOTONIC_STATUS, but /host_service gave",
    })
    void theRunFailsNamingTheViolatedInvariantAndItsEvidence(String fault, String invariant, String evidence) throws Exception {
        MavenRun.Result run = MavenRun.named("fault-" + fault).args("gatling:test", "-Dlocal.faults=" + fault).run();

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("✗ " + invariant + " violated");
        JsonNode summary = Summaries.read(run.latestSummary());
        assertThat(summary.at("/verdict/passed").asBoolean()).isFalse();
        JsonNode violated = Summaries.invariant(summary, invariant);
        assertThat(violated.path("status").asText()).isEqualTo("violated");
        assertThat(violated.path("count").asInt()).isPositive();
        assertThat(violated.path("evidence").get(0).asText()).contains(evidence);
    }
}
