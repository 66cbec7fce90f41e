package co.fractal.loadtest.results;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The merge of shard summaries is exact: one set of journeys, split at random into N shards each recorded and
 * written to summary.json on its own, merges into the very distributions, counts, failures and requests one
 * process recording them all reports.
 */
class SummaryMergeTest {

    @RepeatedTest(12)
    void mergedShardsReportExactlyWhatOneProcessRecordingEverySampleReports(RepetitionInfo repetition) throws Exception {
        Random random = new Random(repetition.getCurrentRepetition() * 7919L);
        int shardCount = 1 + random.nextInt(12);
        List<JourneyResult> journeys = journeys(random, 200 + random.nextInt(3000));

        JourneyRecorder whole = new JourneyRecorder();
        List<JourneyRecorder> shards = new ArrayList<>();
        for (int i = 0; i < shardCount; i++) {
            shards.add(new JourneyRecorder());
        }
        for (JourneyResult journey : journeys) {
            record(whole, journey);
            record(shards.get(random.nextInt(shardCount)), journey);
        }
        RunSummary expected = RunSummary.of(RunFixtures.info(), whole.results(RunFixtures.END, false), RunFixtures.cleanTeardown());
        Map<Integer, RunSummary> written = new TreeMap<>();
        Path dir = Files.createTempDirectory("shard-summaries");
        for (int i = 0; i < shardCount; i++) {
            Path file = dir.resolve(i + ".json");
            Files.writeString(file, SummaryJson.text(RunSummary.of(RunFixtures.info(),
                    shards.get(i).results(RunFixtures.END, false), RunFixtures.cleanTeardown())));
            written.put(i, SummaryJson.read(file));
        }

        RunSummary merged = RunSummary.of(RunFixtures.info(), SummaryMerge.results(written, RunFixtures.END, false, Map.of()),
                RunFixtures.cleanTeardown());

        assertSameDistribution(merged.timeToContainer().overall(), expected.timeToContainer().overall());
        for (ContainerOrigin origin : ContainerOrigin.values()) {
            assertSameDistribution(merged.timeToContainer().byOrigin().get(origin.key()),
                    expected.timeToContainer().byOrigin().get(origin.key()));
        }
        for (JourneyStep step : JourneyStep.values()) {
            assertSameDistribution(merged.steps().get(step.key()), expected.steps().get(step.key()));
        }
        assertThat(merged.journeys().started()).isEqualTo(expected.journeys().started());
        assertThat(merged.journeys().succeeded()).isEqualTo(expected.journeys().succeeded());
        assertThat(merged.journeys().failed()).isEqualTo(expected.journeys().failed());
        assertThat(merged.journeys().successPercent()).isEqualTo(expected.journeys().successPercent());
        assertThat(merged.journeys().failures()).extracting(FailureKind::step, FailureKind::reason, FailureKind::count)
                .containsExactlyElementsOf(expected.journeys().failures().stream()
                        .map(k -> org.assertj.core.groups.Tuple.tuple(k.step(), k.reason(), k.count())).toList());
        assertThat(merged.requests()).isEqualTo(expected.requests());
    }

    @Test
    void violationsOfEveryShardAddUpWithTheShardNamedInTheirEvidence() {
        JourneyRecorder first = new JourneyRecorder();
        first.violated(new Violation(Invariant.MONOTONIC_STATUS, "task t1 went from SUCCESS back to PENDING"));
        JourneyRecorder second = new JourneyRecorder();
        second.violated(new Violation(Invariant.MONOTONIC_STATUS, "task t9 went from SUCCESS back to PENDING"));
        TeardownReport leaky = new TeardownReport(Map.of("users", 3), List.of(), List.of("user u7 still exists"), List.of(), true);
        Map<Integer, RunSummary> shards = new TreeMap<>(Map.of(
                0, RunSummary.of(RunFixtures.info(), first.results(RunFixtures.END, false), RunFixtures.cleanTeardown()),
                1, RunSummary.of(RunFixtures.info(), second.results(RunFixtures.END, false), leaky)));

        RunSummary merged = RunSummary.of(RunFixtures.info(), SummaryMerge.results(shards, RunFixtures.END, false, Map.of()),
                SummaryMerge.teardown(shards));

        InvariantOutcome monotonic = merged.invariants().get(Invariant.MONOTONIC_STATUS.ordinal());
        assertThat(monotonic.count()).isEqualTo(2);
        assertThat(monotonic.evidence()).containsExactly("shard 0: task t1 went from SUCCESS back to PENDING",
                "shard 1: task t9 went from SUCCESS back to PENDING");
        InvariantOutcome teardown = merged.invariants().get(Invariant.CLEAN_TEARDOWN.ordinal());
        assertThat(teardown.count()).isEqualTo(1);
        assertThat(teardown.evidence()).containsExactly("left after teardown: shard 1: user u7 still exists");
        assertThat(merged.teardown().deleted()).containsEntry("users", 13);
        assertThat(merged.verdict().passed()).isFalse();
    }

    private static void assertSameDistribution(LatencyDistribution merged, LatencyDistribution single) {
        assertThat(merged).usingRecursiveComparison().ignoringFields("histogram").isEqualTo(single);
        assertThat(merged.decode()).isEqualTo(single.decode());
    }

    private static void record(JourneyRecorder recorder, JourneyResult journey) {
        recorder.started(journey.journeyId());
        recorder.request("assign", journey.succeeded() ? 202 : 503);
        recorder.request("status", 200);
        recorder.finished(journey);
    }

    // journeys with latencies spread over six decades, some failing at various steps for various reasons
    private static List<JourneyResult> journeys(Random random, int count) {
        List<JourneyResult> journeys = new ArrayList<>();
        ContainerOrigin[] origins = ContainerOrigin.values();
        JourneyStep[] steps = JourneyStep.values();
        for (int i = 0; i < count; i++) {
            Map<JourneyStep, Long> stepMicros = new EnumMap<>(JourneyStep.class);
            for (JourneyStep step : steps) {
                if (random.nextInt(10) > 0) {
                    stepMicros.put(step, (long) Math.pow(10, 1 + random.nextDouble() * 6));
                }
            }
            boolean ok = random.nextInt(8) > 0;
            Optional<JourneyFailure> failure = ok ? Optional.empty() : Optional.of(new JourneyFailure(
                    steps[random.nextInt(steps.length)], "reason " + random.nextInt(4), "detail " + i));
            journeys.add(new JourneyResult("journey-" + i, failure, origins[random.nextInt(origins.length)],
                    ok ? (long) Math.pow(10, 2 + random.nextDouble() * 5) : -1, stepMicros));
        }
        return journeys;
    }
}
