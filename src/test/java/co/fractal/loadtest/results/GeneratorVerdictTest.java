package co.fractal.loadtest.results;

import co.fractal.loadtest.generator.GeneratorReport;
import co.fractal.loadtest.generator.HealthSample;
import co.fractal.loadtest.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static co.fractal.loadtest.results.RunFixtures.cleanTeardown;
import static co.fractal.loadtest.results.RunFixtures.info;
import static org.assertj.core.api.Assertions.assertThat;

/** The load generator's health in the summary: its section, and what it does to the verdict. */
class GeneratorVerdictTest {
    private static final String FINDING = "the load generator saturated from 00:08 at 20 journeys/s offered (event-loop lag"
            + " 1.40 s): figures after 00:08 measure the generator, not the webserver";

    private static GeneratorReport report(String mode, boolean saturated, String stoppedAt) {
        List<HealthSample> samples = List.of(new HealthSample(1, 20, 20, 0, 3, 0, 41.5, 4, 310, 20_000, 12L, 30L, List.of()));
        return new GeneratorReport(mode, saturated, saturated ? "00:08" : null, saturated ? 8 : null, saturated ? 20.0 : null,
                saturated ? "at 20 journeys/s offered" : null, saturated ? List.of("event-loop lag 1.40 s") : List.of(),
                saturated ? 12 : 0, stoppedAt, 412, 1500, 17_800, 4_450, 20_000, Map.of("eventLoopLag", "event-loop lag ≥ 250 ms"),
                3, 10, new GeneratorReport.Peaks(0.2, 1400L, 1900L, 88, 40, 900, 12, 0), samples);
    }

    private static RunSummary summary(GeneratorReport generator) {
        return RunSummary.of(info(), RunFixtures.results(10, 0, 2000), cleanTeardown(), generator);
    }

    @Test
    void aSaturatedGeneratorFailsTheRunSayingFromWhenAtWhatRateAndWhy() {
        RunSummary summary = summary(report("fail", true, null));

        assertThat(summary.verdict().passed()).isFalse();
        assertThat(summary.verdict().reasons()).containsExactly(FINDING);
        assertThat(SummaryMarkdown.render(summary)).contains("**Load generator**: ❌ saturated from 00:08 · at most:",
                "- " + FINDING);
    }

    @Test
    void withSaturationWarnedItIsACaveatAndALoadItStoppedStillFails() {
        RunSummary warned = summary(report("warn", true, null));
        assertThat(warned.verdict().passed()).isTrue();
        assertThat(warned.verdict().caveats()).containsExactly(FINDING);
        assertThat(SummaryMarkdown.render(warned)).contains("**Load generator**: ⚠️ saturated from 00:08");

        RunSummary stopped = summary(report("warn", true, "00:18"));
        assertThat(stopped.verdict().passed()).isFalse();
        assertThat(stopped.verdict().reasons()).containsExactly("the load was stopped at 00:18 after 10 s of saturation"
                + " (generator.stopAfter): 412 of 1,500 journeys had started");
    }

    @Test
    void aGeneratorBelowCapacityAddsNothingToTheVerdictAndItsSectionHasTheDocumentedFields() throws Exception {
        RunSummary summary = summary(report("fail", false, null));

        assertThat(summary.verdict().passed()).isTrue();
        assertThat(summary.verdict().caveats()).isEmpty();
        assertThat(SummaryMarkdown.render(summary)).contains("**Load generator**: ✅ not saturated · at most: 0.2 s behind the"
                + " plan · CPU 88 % · GC 40 ms/s · open files 900 of 20,000 · event-loop lag 1.40 s (worst tick 1.90 s)");

        JsonNode generator = Json.MAPPER.readTree(SummaryJson.text(summary)).get("generator");
        assertThat(fieldNames(generator)).containsExactly("saturationMode", "saturated", "saturatedFrom", "saturatedFromSecond",
                "offeredPerSecond", "offered", "signals", "saturatedSeconds", "stoppedAt", "journeysStarted", "journeysPlanned",
                "connections", "requestsAtOnce", "openFilesLimit", "thresholds", "persistenceSeconds", "stopAfterSeconds",
                "peaks", "samples");
        assertThat(fieldNames(generator.get("samples").get(0))).containsExactly("second", "journeysStarted", "journeysPlanned",
                "injectionLagSeconds", "requestsInFlight", "requestsWaiting", "cpuPercent", "gcMillis", "openFiles",
                "openFilesLimit", "eventLoopLagMillis", "eventLoopWorstMillis", "over");
        assertThat(RunSummaryTest.SummaryJsonRoundTrip.of(summary)).isEqualTo(summary);
    }

    @Test
    void aLoadOverWithinItsFirstSecondSaysItWasNotSampled() {
        GeneratorReport unsampled = new GeneratorReport("fail", false, null, null, null, null, List.of(), 0, null, 2, 2, 17_800,
                4_450, 20_000, Map.of(), 3, 10, new GeneratorReport.Peaks(0, null, null, 0, 0, 0, 0, 0), List.of());

        assertThat(SummaryMarkdown.render(summary(unsampled))).contains("**Load generator**: ✅ not saturated · no second"
                + " sampled: the load ended within its first (budget: 17,800 connections, 4,450 requests at once)");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
