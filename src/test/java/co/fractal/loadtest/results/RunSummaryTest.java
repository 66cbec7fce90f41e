package co.fractal.loadtest.results;

import co.fractal.loadtest.json.Json;
import static co.fractal.loadtest.results.RunFixtures.END;
import static co.fractal.loadtest.results.RunFixtures.cleanTeardown;
import static co.fractal.loadtest.results.RunFixtures.failure;
import static co.fractal.loadtest.results.RunFixtures.info;
import static co.fractal.loadtest.results.RunFixtures.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class RunSummaryTest {
    /** 8 prewarmed in 1–8 s, 1 spun up in 60 s, 1 failure at task wait, and a few requests. */
    private static RunResults mixedRun() {
        JourneyRecorder recorder = new JourneyRecorder();
        for (int i = 1; i <= 8; i++) {
            recorder.started("p" + i);
            recorder.finished(success("p" + i, ContainerOrigin.PREWARMED, i * 1000L));
        }
        recorder.started("s");
        recorder.finished(success("s", ContainerOrigin.SPUN_UP, 60_000));
        recorder.started("f");
        recorder.finished(failure("f", JourneyStep.TASK_WAIT, "task FAILURE", "failed to ping | after 90 s"));
        recorder.request("assign", 202);
        recorder.request("assign", 429);
        recorder.request("status", 0);
        return recorder.results(END, false);
    }

    @Test
    void summaryJsonHasTheDocumentedFieldsAndValues() throws Exception {
        RunSummary summary = RunSummary.of(info(), mixedRun(), cleanTeardown());

        JsonNode json = Json.MAPPER.readTree(SummaryJson.text(summary));

        assertThat(json.get("schema").asInt()).isEqualTo(1);
        JsonNode run = json.get("run");
        assertThat(fieldNames(run)).containsExactly("id", "target", "targetUrl", "profile", "users", "spawnRate",
                "minSuccessPercent", "startedAt", "endedAt", "durationSeconds", "cutShort", "gatlingReport");
        assertThat(run.get("id").asText()).isEqualTo(RunFixtures.RUN_ID);
        assertThat(run.get("target").asText()).isEqualTo("staging");
        assertThat(run.get("startedAt").asText()).isEqualTo("2026-11-22T07:00:00Z");
        assertThat(run.get("durationSeconds").asDouble()).isEqualTo(150.0);
        assertThat(run.get("gatlingReport").asText()).endsWith("index.html");

        assertThat(fieldNames(json)).containsExactly("schema", "run", "verdict", "journeys", "timeToContainer", "steps",
                "requests", "invariants", "teardown", "baseline", "generator");
        JsonNode journeys = json.get("journeys");
        assertThat(journeys.get("started").asLong()).isEqualTo(10);
        assertThat(journeys.get("succeeded").asLong()).isEqualTo(9);
        assertThat(journeys.get("failed").asLong()).isEqualTo(1);
        assertThat(journeys.get("vanished").asLong()).isZero();
        assertThat(journeys.get("successPercent").asDouble()).isEqualTo(90.0);
        JsonNode failure = journeys.get("failures").get(0);
        assertThat(failure.get("step").asText()).isEqualTo("taskWait");
        assertThat(failure.get("reason").asText()).isEqualTo("task FAILURE");
        assertThat(failure.get("count").asLong()).isEqualTo(1);
        assertThat(failure.get("example").asText()).isEqualTo("failed to ping | after 90 s");

        JsonNode overall = json.get("timeToContainer").get("overall");
        assertThat(fieldNames(overall)).containsExactly("count", "minMs", "p50Ms", "p90Ms", "p95Ms", "p99Ms", "maxMs",
                "meanMs", "histogram");
        assertThat(overall.get("count").asLong()).isEqualTo(9);
        assertThat(overall.get("minMs").asDouble()).isBetween(999.0, 1001.0);
        assertThat(overall.get("p50Ms").asDouble()).isBetween(4995.0, 5005.0);
        assertThat(overall.get("maxMs").asDouble()).isBetween(59_950.0, 60_050.0);
        assertThat(fieldNames(json.get("timeToContainer").get("byOrigin"))).containsExactly("prewarmed", "spunUp", "unknown");
        assertThat(json.get("timeToContainer").get("byOrigin").get("spunUp").get("count").asLong()).isEqualTo(1);
        JsonNode unknown = json.get("timeToContainer").get("byOrigin").get("unknown");
        assertThat(unknown.get("count").asLong()).isZero();
        assertThat(unknown.get("p50Ms").isNull()).isTrue();
        assertThat(fieldNames(json.get("steps"))).containsExactly("assign", "hostWait", "tokenHandover", "taskWait", "release");
        assertThat(json.get("steps").get("assign").get("count").asLong()).isEqualTo(10);

        assertThat(json.get("requests").get("assign").get("202").asLong()).isEqualTo(1);
        assertThat(json.get("requests").get("assign").get("429").asLong()).isEqualTo(1);
        assertThat(json.get("requests").get("status").get("0").asLong()).isEqualTo(1);

        assertThat(json.get("invariants")).extracting(i -> i.get("name").asText()).containsExactly(
                "EXCLUSIVE_CONTAINERS", "MONOTONIC_STATUS", "JOURNEY_ACCOUNTING", "CLEAN_TEARDOWN");
        assertThat(json.get("invariants")).allSatisfy(i -> {
            assertThat(i.get("status").asText()).isEqualTo("ok");
            assertThat(i.get("count").asLong()).isZero();
            assertThat(i.get("statement").asText()).isNotBlank();
        });
        assertThat(fieldNames(json.get("teardown"))).containsExactlyInAnyOrder("deleted", "failures", "leftovers", "warnings",
                "verified");
        assertThat(json.get("baseline").get("status").asText()).isEqualTo("none");
        assertThat(json.get("verdict").get("passed").asBoolean()).isFalse();
        assertThat(json.get("verdict").get("reasons").get(0).asText())
                .isEqualTo("success 90.00 % (9/10) is below the minimum 100 %");
    }

    @Test
    void theEncodedHistogramDecodesToTheRecordedValuesSoRunsCanBeMerged() throws Exception {
        RunResults results = mixedRun();
        RunSummary summary = SummaryJsonRoundTrip.of(RunSummary.of(info(), results, cleanTeardown()));

        Histogram decoded = summary.timeToContainer().overall().decode();
        Histogram merged = decoded.copy();
        merged.add(summary.timeToContainer().overall().decode());

        assertThat(decoded).isEqualTo(results.timeToContainer());
        assertThat(merged.getTotalCount()).isEqualTo(18);
    }

    @Test
    void aSummaryReadBackFromJsonEqualsTheOneWritten() {
        RunSummary summary = RunSummary.of(info(), mixedRun(), cleanTeardown());

        assertThat(SummaryJsonRoundTrip.of(summary)).isEqualTo(summary);
    }

    @Test
    void verdictListsEveryReasonToFail() {
        JourneyRecorder recorder = new JourneyRecorder();
        recorder.started("a");
        recorder.finished(success("a", ContainerOrigin.PREWARMED, 10));
        recorder.acquired("a", "c-1", "10.0.0.1:1");
        recorder.acquired("b", "c-1", "10.0.0.1:1");
        TeardownReport dirty = new TeardownReport(Map.of("users", 1), List.of("user b: 500 on delete"),
                List.of("user b holds c-1"), List.of(), true);

        RunSummary summary = RunSummary.of(info(), recorder.results(END, false), dirty);

        assertThat(summary.verdict().passed()).isFalse();
        assertThat(summary.verdict().reasons()).satisfiesExactly(
                reason -> assertThat(reason).startsWith("EXCLUSIVE_CONTAINERS violated 1×: container c-1"),
                reason -> assertThat(reason).isEqualTo("CLEAN_TEARDOWN violated 1×: left after teardown: user b holds c-1"),
                reason -> assertThat(reason).isEqualTo("teardown not clean: 1 deletion failed, e.g. user b: 500 on delete"));
        assertThat(summary.invariants().get(3).status()).isEqualTo(InvariantOutcome.Status.VIOLATED);
    }

    @Test
    void anUnverifiedTeardownIsSaidSoAndIsNotShownAsOk() {
        TeardownReport unverified = new TeardownReport(Map.of("users", 10), List.of(), List.of(),
                List.of("webserver unreachable after the run"), false);

        RunSummary summary = RunSummary.of(info(), RunFixtures.results(10, 0, 2000), unverified);

        InvariantOutcome teardown = summary.invariants().get(3);
        assertThat(teardown.status()).isEqualTo(InvariantOutcome.Status.UNVERIFIED);
        assertThat(teardown.evidence()).contains("webserver unreachable after the run");
        assertThat(summary.verdict().passed()).isTrue();
        assertThat(summary.verdict().caveats()).singleElement().asString().startsWith("CLEAN_TEARDOWN unverified (not a pass)");
        assertThat(Headline.of(summary)).startsWith("PASSED (unverified: CLEAN_TEARDOWN) — staging · weekly");
        assertThat(SummaryMarkdown.render(summary)).contains("⚠️ CLEAN_TEARDOWN unverified");
    }

    @Test
    void markdownIsShortAndCarriesHeadlineTableFailuresInvariantsTeardownBaselineAndReport() {
        JourneyRecorder recorder = new JourneyRecorder();
        for (int i = 0; i < 7; i++) {
            recorder.started("f" + i);
            recorder.finished(failure("f" + i, JourneyStep.values()[i % 5], "reason " + i, "detail | " + i));
        }
        recorder.started("ok");
        recorder.finished(success("ok", ContainerOrigin.PREWARMED, 4210));
        recorder.violated(new Violation(Invariant.MONOTONIC_STATUS, "task t-1 went SUCCESS → PENDING"));

        String markdown = SummaryMarkdown.render(RunSummary.of(info(), recorder.results(END, false), cleanTeardown()));

        assertThat(markdown.lines().count()).isLessThan(45);
        assertThat(markdown).startsWith("### ❌ Load test FAILED — staging · weekly\n")
                .contains("**1/8 journeys ok** (12.50 %, minimum 100 %) · time to container p50 4.21 s · p95 4.21 s · p99 4.21 s")
                .contains("| time to container | 1 | 4.21 s |")
                .contains("| ↳ prewarmed | 1 |")
                .doesNotContain("↳ spun up")
                .contains("**Failures** — 7 journeys, 7 kinds, top 5:")
                .contains("| detail \\| 0 |")
                .contains("❌ MONOTONIC_STATUS ×1").contains("- MONOTONIC_STATUS: task t-1 went SUCCESS → PENDING")
                .contains("✅ EXCLUSIVE_CONTAINERS")
                .contains("**Teardown**: clean · deleted 10 users · 0 failures · 0 leftovers")
                .contains("**Baseline**: no baseline compared")
                .contains("Gatling report: `target/gatling/containerjourneysimulation-1/index.html`".replace('/', java.io.File.separatorChar));
        assertThat(markdown.lines().filter(line -> line.matches("\\| \\d+ \\|.*reason \\d.*")).count()).isEqualTo(5);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Writes a summary as summary.json text and reads it back. */
    static final class SummaryJsonRoundTrip {
        static RunSummary of(RunSummary summary) {
            try {
                java.nio.file.Path file = java.nio.file.Files.createTempFile("summary", ".json");
                java.nio.file.Files.writeString(file, SummaryJson.text(summary));
                RunSummary read = SummaryJson.read(file);
                java.nio.file.Files.delete(file);
                return read;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
