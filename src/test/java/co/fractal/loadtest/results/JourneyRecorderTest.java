package co.fractal.loadtest.results;

import static co.fractal.loadtest.results.RunFixtures.END;
import static co.fractal.loadtest.results.RunFixtures.failure;
import static co.fractal.loadtest.results.RunFixtures.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class JourneyRecorderTest {
    private final JourneyRecorder recorder = new JourneyRecorder();

    @Test
    void countsJourneysAndRecordsTimesOverallByOriginAndByStep() {
        for (int i = 0; i < 3; i++) {
            recorder.started("p" + i);
            recorder.finished(success("p" + i, ContainerOrigin.PREWARMED, 1000 + i));
        }
        recorder.started("s");
        recorder.finished(success("s", ContainerOrigin.SPUN_UP, 90_000));
        recorder.started("f");
        recorder.finished(failure("f", JourneyStep.HOST_WAIT, "budget exhausted", "300 polls, ip still null"));

        RunResults results = recorder.results(END, false);

        assertThat(results.started()).isEqualTo(5);
        assertThat(results.succeeded()).isEqualTo(4);
        assertThat(results.failed()).isEqualTo(1);
        assertThat(results.vanished()).isZero();
        Histogram ttc = results.timeToContainer();
        assertThat(ttc.getTotalCount()).isEqualTo(4);
        assertThat(ttc.getMinValue()).isBetween(999_000L, 1_001_000L);
        assertThat(ttc.getMaxValue()).isBetween(89_900_000L, 90_100_000L);
        assertThat(results.timeToContainerByOrigin().get(ContainerOrigin.PREWARMED).getTotalCount()).isEqualTo(3);
        assertThat(results.timeToContainerByOrigin().get(ContainerOrigin.SPUN_UP).getTotalCount()).isEqualTo(1);
        assertThat(results.timeToContainerByOrigin().get(ContainerOrigin.UNKNOWN).getTotalCount()).isZero();
        // every journey recorded its assign time; only the successes reached the other steps
        assertThat(results.steps().get(JourneyStep.ASSIGN).getTotalCount()).isEqualTo(5);
        assertThat(results.steps().get(JourneyStep.RELEASE).getTotalCount()).isEqualTo(4);
        assertThat(results.steps().get(JourneyStep.TASK_WAIT).getValueAtPercentile(50)).isBetween(3_995L, 4_005L);
    }

    @Test
    void histogramsKeepThreeSignificantDigitsOverHoursOfMicroseconds() {
        recorder.started("long");
        recorder.finished(success("long", ContainerOrigin.SPUN_UP, 3 * 3600_000L));
        recorder.started("short");
        recorder.finished(success("short", ContainerOrigin.PREWARMED, 1));

        Histogram ttc = recorder.results(END, false).timeToContainer();

        assertThat(ttc.getMaxValue()).isCloseTo(3 * 3600_000_000L, org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(ttc.getMinValue()).isEqualTo(1000);
    }

    @Test
    void countsFailuresByStepAndReasonWithOneBoundedExample() {
        for (int i = 0; i < 3; i++) {
            recorder.started("t" + i);
            recorder.finished(failure("t" + i, JourneyStep.TASK_WAIT, "task FAILURE", "failed to ping #" + i + "x".repeat(1000)));
        }
        recorder.started("a");
        recorder.finished(failure("a", JourneyStep.ASSIGN, "status 400", "{\"error\":\"unknown app\"}"));
        recorder.started("h");
        recorder.finished(failure("h", JourneyStep.HOST_WAIT, "task FAILURE", "same reason, other step"));

        List<FailureTally> failures = recorder.results(END, false).failures();

        assertThat(failures).extracting(FailureTally::step, FailureTally::reason, FailureTally::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Optional.of(JourneyStep.TASK_WAIT), "task FAILURE", 3L),
                org.assertj.core.groups.Tuple.tuple(Optional.of(JourneyStep.ASSIGN), "status 400", 1L),
                org.assertj.core.groups.Tuple.tuple(Optional.of(JourneyStep.HOST_WAIT), "task FAILURE", 1L));
        assertThat(failures.get(0).example()).startsWith("failed to ping #0").hasSize(FailureCounts.EXAMPLE_CHARS);
    }

    @Test
    void distinctFailureReasonsAreBoundedSoMemoryStaysConstant() {
        for (int i = 0; i < FailureCounts.KINDS_KEPT + 50; i++) {
            recorder.started("j" + i);
            recorder.finished(failure("j" + i, JourneyStep.ASSIGN, "status " + i, "detail"));
        }

        List<FailureTally> failures = recorder.results(END, false).failures();

        assertThat(failures).hasSize(FailureCounts.KINDS_KEPT + 1);
        assertThat(failures.get(0).reason()).isEqualTo(FailureCounts.OTHER_REASONS);
        assertThat(failures.get(0).count()).isEqualTo(50);
        assertThat(failures.stream().mapToLong(FailureTally::count).sum()).isEqualTo(FailureCounts.KINDS_KEPT + 50);
    }

    @Test
    void countsRequestsByEndpointAndStatusWithZeroForNoAnswer() {
        recorder.request("assign", 202);
        recorder.request("assign", 429);
        recorder.request("assign", 202);
        recorder.request("status", 200);
        recorder.request("status", 0);

        assertThat(recorder.results(END, false).requests()).isEqualTo(Map.of(
                "assign", Map.of(202, 2L, 429, 1L),
                "status", Map.of(0, 1L, 200, 1L)));
        assertThatThrownBy(() -> recorder.request("assign", 1000))
                .hasMessage("status 1000 of endpoint assign is not accepted; expected 0 (no answer) or an HTTP status from 100 to 999");
    }

    @Test
    void manyThreadsRecordingAtOnceLoseNothing() throws Exception {
        int threads = 8;
        int perThread = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    String id = "u" + thread + "-" + i;
                    recorder.started(id);
                    recorder.request("assign", 202);
                    recorder.finished(i % 10 == 0
                            ? failure(id, JourneyStep.TASK_WAIT, "task FAILURE", "x")
                            : success(id, ContainerOrigin.PREWARMED, 50));
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        RunResults results = recorder.results(END, false);
        long total = (long) threads * perThread;
        assertThat(results.started()).isEqualTo(total);
        assertThat(results.succeeded() + results.failed()).isEqualTo(total);
        assertThat(results.failed()).isEqualTo(total / 10);
        assertThat(results.timeToContainer().getTotalCount()).isEqualTo(total - total / 10);
        assertThat(results.requests().get("assign").get(202)).isEqualTo(total);
        assertThat(results.violations().values()).allSatisfy(tally -> assertThat(tally.count()).isZero());
    }

    @Test
    void snapshotsTakenWhileThreadsRecordNeverLoseOrRepeatACount() throws Exception {
        int threads = 4;
        int perThread = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    String id = "u" + thread + "-" + i;
                    recorder.started(id);
                    recorder.finished(success(id, ContainerOrigin.SPUN_UP, 100 + i % 1000));
                }
            }));
        }
        long previous = 0;
        while (futures.stream().anyMatch(future -> !future.isDone())) {
            RunResults during = recorder.results(END, false);
            long count = during.timeToContainer().getTotalCount();
            assertThat(count).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(during.succeeded());
            assertThat(during.timeToContainerByOrigin().get(ContainerOrigin.SPUN_UP).getTotalCount()).isEqualTo(count);
            previous = count;
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();

        RunResults results = recorder.results(END, false);
        assertThat(results.timeToContainer().getTotalCount()).isEqualTo((long) threads * perThread);
        assertThat(results.steps().get(JourneyStep.RELEASE).getTotalCount()).isEqualTo((long) threads * perThread);
    }

    @Test
    void resultsAreASnapshotThatLaterRecordingDoesNotChange() {
        recorder.started("a");
        recorder.finished(success("a", ContainerOrigin.PREWARMED, 10));
        RunResults first = recorder.results(END, false);
        first.timeToContainer().recordValue(5); // a copy: the snapshot stays as it was

        recorder.started("b");
        recorder.finished(success("b", ContainerOrigin.PREWARMED, 20));

        assertThat(first.timeToContainer().getTotalCount()).isEqualTo(1);
        assertThat(first.succeeded()).isEqualTo(1);
        assertThat(recorder.results(END, false).timeToContainer().getTotalCount()).isEqualTo(2);
    }
}
