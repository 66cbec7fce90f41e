package co.fractal.loadtest.bench;

import co.fractal.loadtest.results.ContainerOrigin;
import co.fractal.loadtest.results.JourneyFailure;
import co.fractal.loadtest.results.JourneyRecorder;
import co.fractal.loadtest.results.JourneyResult;
import co.fractal.loadtest.results.JourneyStep;
import co.fractal.loadtest.results.RunInfo;
import co.fractal.loadtest.results.RunSummary;
import co.fractal.loadtest.results.SummaryJson;
import co.fractal.loadtest.results.SummaryMarkdown;
import co.fractal.loadtest.results.TeardownReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Row 5 of the benchmark, in JMH: what our own bookkeeping costs per journey. {@link #recordJourney} makes the calls
 * a real journey makes on the {@link JourneyRecorder} (started, six requests, acquired, released, finished), two
 * threads at once on one recorder; {@link #summary} builds the run's results and summary (JSON and Markdown) of
 * recorded journeys. {@link BenchmarkMain} runs it with JMH's gc profiler (bytes allocated per journey). Whether
 * memory stays constant is what the recorder still holds after a full collection at the end of each iteration,
 * against the journeys recorded so far: each iteration appends "journeys heapBytes" to the file
 * {@code -Dbench.footprint} names, when it is set.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgsAppend = "-Xmx1G")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class JourneyRecorderBenchmark {
    private static final int IDS = 1024;
    private static final Instant END = Instant.parse("2026-11-22T07:02:30Z");
    private static final RunInfo RUN = new RunInfo("20261122-070000-ab12", "staging", "https://staging-server.fractal.co",
            "weekly", 10, 10, 100.0, Instant.parse("2026-11-22T07:00:00Z"), END, null, false);
    private static final TeardownReport TEARDOWN = new TeardownReport(Map.of("users", 10), List.of(), List.of(),
            List.of(), true);

    /** The recorder both threads record into, and what it holds after each iteration. */
    @State(Scope.Benchmark)
    public static class SharedRecorder {
        final JourneyRecorder recorder = new JourneyRecorder();

        @TearDown(Level.Iteration)
        public void footprint() {
            String file = BenchFiles.optional("bench.footprint", "");
            if (file.isEmpty()) {
                return;
            }
            long journeys = recorder.results(END, false).started();
            System.gc();
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            try {
                Files.writeString(Path.of(file), journeys + " " + heap + "\n", StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }
    }

    /** One thread's journeys, made before the measurement: only the recorder's own work is measured. */
    @State(Scope.Thread)
    public static class Journeys {
        final JourneyResult[] results = new JourneyResult[IDS];
        final String[] containers = new String[IDS];
        final String[] addresses = new String[IDS];
        int next;

        @Setup(Level.Trial)
        public void prepare(ThreadParams thread) {
            int t = thread.getThreadIndex();
            for (int i = 0; i < IDS; i++) {
                results[i] = journey("u" + t + "-" + i, i);
                containers[i] = "c-" + t + "-" + i;
                addresses[i] = "10.0." + t + "." + (i % 250) + ":" + (32000 + i);
            }
        }
    }

    /** A recorder that has recorded {@code journeys} journeys, for the summary. */
    @State(Scope.Benchmark)
    public static class Recorded {
        @Param({"100000", "1000000"})
        int journeys;
        final JourneyRecorder recorder = new JourneyRecorder();

        @Setup(Level.Trial)
        public void record() {
            for (int k = 0; k < journeys; k++) {
                JourneyResult result = journey("j-" + k, k % IDS);
                recorder.started(result.journeyId());
                recorder.finished(result);
            }
        }
    }

    /** One journey's calls on the recorder. */
    @Benchmark
    @Threads(2)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void recordJourney(SharedRecorder shared, Journeys journeys) {
        int k = journeys.next++ & (IDS - 1);
        JourneyRecorder recorder = shared.recorder;
        JourneyResult result = journeys.results[k];
        String id = result.journeyId();
        recorder.started(id);
        recorder.request("assign", 202);
        recorder.request("host_service", 200);
        recorder.request("host_service", 200);
        recorder.request("set_config_encryption_token", 200);
        recorder.request("status", 200);
        recorder.acquired(id, journeys.containers[k], journeys.addresses[k]);
        recorder.request("container_delete", 202);
        recorder.released(id, journeys.containers[k], journeys.addresses[k]);
        recorder.finished(result);
    }

    /** The run's results and its summary, as JSON and Markdown text. */
    @Benchmark
    @Threads(1)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int summary(Recorded recorded) {
        RunSummary summary = RunSummary.of(RUN, recorded.recorder.results(END, false), TEARDOWN);
        return SummaryJson.text(summary).length() + SummaryMarkdown.render(summary).length();
    }

    // every 50th fails at task wait; the steps and time to container vary with i
    private static JourneyResult journey(String id, int i) {
        Map<JourneyStep, Long> steps = new EnumMap<>(JourneyStep.class);
        for (JourneyStep step : JourneyStep.values()) {
            steps.put(step, 1_000L + i * 37L + step.ordinal() * 1_000L);
        }
        Optional<JourneyFailure> failure = i % 50 == 0
                ? Optional.of(new JourneyFailure(JourneyStep.TASK_WAIT, "task FAILURE", "failed to ping"))
                : Optional.empty();
        return new JourneyResult(id, failure, ContainerOrigin.values()[i % 3], 2_000_000L + i * 1_000L, steps);
    }
}
