package co.fractal.loadtest.localserver;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each fault mode, with its default timings and the server's default delays, under the load test's default
 * loads — the smoke profile (2 or 4 users at once) and the weekly one (10 users spawned over 1 s, polling
 * every second) — is caught by the load test's own checks while no journey fails otherwise; with faults off,
 * nothing is caught. The three loads run at once, each against its own server.
 */
@Timeout(120)
class FaultModesTest {
    /** A load the load test runs by default. */
    private record Load(String name, int users, Duration spawnOver) {
    }

    private static final List<Load> DEFAULT_LOADS = List.of(new Load("smoke, 2 users at once", 2, Duration.ZERO),
            new Load("smoke, 4 users at once", 4, Duration.ZERO), new Load("weekly, 10 users over 1 s", 10, Duration.ofSeconds(1)));

    @ParameterizedTest
    @ValueSource(strings = {"none", "double-assign", "lock-timeout", "mixed-status", "rendezvous-race"})
    void eachFaultIsCaughtByTheLoadTestsChecksAndNothingElse(String fault) {
        Map<Load, LoadTestReplica.Findings> findings = runAtOnce(fault);

        findings.forEach((load, found) -> {
            String context = fault + ", " + load.name() + ": " + found;
            assertThat(found.journeyFailures()).as("journeys failing other than by the checks; " + context).isEmpty();
            switch (fault) {
                case "none" -> assertThat(found.clean()).as(context).isTrue();
                case "double-assign" -> {
                    assertThat(found.sharedContainers()).as("container held by two users; " + context).isNotEmpty();
                    assertThat(found.statusBreaches()).as(context).isEmpty();
                    assertThat(found.leftovers()).as(context).isEmpty();
                }
                case "lock-timeout" -> {
                    assertThat(found.leftovers()).as("leftovers after teardown; " + context).isNotEmpty();
                    assertThat(found.sharedContainers()).as(context).isEmpty();
                    assertThat(found.statusBreaches()).as(context).isEmpty();
                }
                case "mixed-status" -> {
                    assertThat(found.statusBreaches()).as("status going backwards; " + context).isNotEmpty()
                            .allSatisfy(breach -> assertThat(breach).contains("re-read as 200 {\"state\":\"PENDING\""));
                    assertThat(found.sharedContainers()).as(context).isEmpty();
                    assertThat(found.leftovers()).as(context).isEmpty();
                }
                case "rendezvous-race" -> {
                    assertThat(found.statusBreaches()).as("SUCCESS not matching /host_service; " + context).isNotEmpty()
                            .allSatisfy(breach -> assertThat(breach).contains("/host_service gave"));
                    assertThat(found.leftovers()).as(context).isEmpty();
                }
                default -> throw new AssertionError(fault);
            }
        });
    }

    private static Map<Load, LoadTestReplica.Findings> runAtOnce(String fault) {
        ExecutorService runs = Executors.newFixedThreadPool(DEFAULT_LOADS.size());
        try {
            Map<Load, CompletableFuture<LoadTestReplica.Findings>> started = new LinkedHashMap<>();
            for (Load load : DEFAULT_LOADS) {
                started.put(load, CompletableFuture.supplyAsync(() -> run(fault, load), runs));
            }
            Map<Load, LoadTestReplica.Findings> findings = new LinkedHashMap<>();
            started.forEach((load, run) -> findings.put(load, run.join()));
            return findings;
        } finally {
            runs.shutdownNow();
        }
    }

    private static LoadTestReplica.Findings run(String fault, Load load) {
        try (ApiClient api = ApiClient.start(Map.of("local.faults", fault.equals("none") ? "" : fault,
                "local.prewarmed", "4", "local.spinUpDelay", "200ms", "local.prewarmDelay", "100ms", "local.pingDelay", "20ms"))) {
            return new LoadTestReplica(api).run(load.users(), load.spawnOver());
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }
}
