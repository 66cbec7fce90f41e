package co.fractal.loadtest.results;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures what the journey recorder costs per journey (time and bytes allocated) and what building the
 * summary costs, on the calls a real journey makes: started, six requests, acquired, released, finished.
 * Not a unit test (no timed assertions); the benchmark ({@code bench/run.sh}, row 5) runs it, or run it by hand:
 * <pre>
 * mvn -o -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=co.fractal.loadtest.results.JourneyRecorderBenchmark [-Dexec.args="1000000 2"]
 * </pre>
 * Arguments: journeys per thread (default 1,000,000) and threads (default 2). Results are prepared before
 * timing, so only the recorder's own work and allocation are measured.
 */
public final class JourneyRecorderBenchmark {
    private static final int IDS = 1024;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private record Measure(long nanos, long bytes) {
    }

    /**
     * What the recorder and the summary cost.
     *
     * @param journeys                 journeys recorded in the timed pass (all threads)
     * @param threads                  recording threads
     * @param nanosPerJourney          time per journey, per thread (threads record at once)
     * @param bytesAllocatedPerJourney bytes allocated per journey (garbage, collected young)
     * @param bytesRetainedPerJourney  heap still held per journey after a full collection, measured by recording
     *                                 the same number of journeys again: constant memory reads about 0
     * @param summaryJourneys          journeys the summary covers (both passes)
     * @param summaryMillis            results and summary (JSON and Markdown) of those journeys
     * @param summaryBytes             bytes allocated building them
     */
    public record Figures(long journeys, int threads, double nanosPerJourney, double bytesAllocatedPerJourney,
                          double bytesRetainedPerJourney, long summaryJourneys, double summaryMillis, long summaryBytes) {
    }

    public static void main(String[] args) throws Exception {
        int journeys = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Figures figures = measure(journeys, threads);
        System.out.printf(Locale.ROOT, "recording: %,d journeys on %d threads: %.0f ns per journey per thread,"
                        + " %.1f bytes allocated per journey, %.2f bytes retained per journey%n", figures.journeys(),
                threads, figures.nanosPerJourney(), figures.bytesAllocatedPerJourney(), figures.bytesRetainedPerJourney());
        System.out.printf(Locale.ROOT, "summary of %,d journeys: %.1f ms, %,d bytes allocated%n",
                figures.summaryJourneys(), figures.summaryMillis(), figures.summaryBytes());
    }

    /** Records {@code journeys} journeys on each of {@code threads} threads (after a warm-up) and builds the summary. */
    public static Figures measure(int journeys, int threads) throws Exception {
        run(new JourneyRecorder(), journeys / 4, threads); // warm-up: JIT, histogram resizing
        JourneyRecorder recorder = new JourneyRecorder();
        List<Measure> perThread = run(recorder, journeys, threads);
        long bytes = perThread.stream().mapToLong(Measure::bytes).sum();
        double nanosPerJourney = perThread.stream().mapToLong(Measure::nanos).average().orElse(0) / journeys;
        long total = (long) journeys * threads;

        // the same journeys again on the same recorder: what it still holds afterwards must not grow
        long heldBefore = liveHeap();
        run(recorder, journeys, threads);
        long heldAfter = liveHeap();

        long start = System.nanoTime();
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        RunResults results = recorder.results(Instant.now(), false);
        RunSummary summary = RunSummary.of(RunFixtures.info(), results, RunFixtures.cleanTeardown());
        int size = SummaryJson.text(summary).length() + SummaryMarkdown.render(summary).length();
        long summaryBytes = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
        double summaryMillis = (System.nanoTime() - start) / 1e6;
        if (size == 0) {
            throw new IllegalStateException("empty summary");
        }
        return new Figures(total, threads, nanosPerJourney, (double) bytes / total,
                (double) (heldAfter - heldBefore) / total, results.started(), summaryMillis, summaryBytes);
    }

    private static long liveHeap() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static List<Measure> run(JourneyRecorder recorder, int journeys, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Measure>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> journeys(recorder, thread, journeys)));
        }
        List<Measure> measures = new ArrayList<>();
        for (Future<Measure> future : futures) {
            measures.add(future.get());
        }
        pool.shutdown();
        return measures;
    }

    private static Measure journeys(JourneyRecorder recorder, int thread, int journeys) {
        JourneyResult[] results = new JourneyResult[IDS];
        String[] containers = new String[IDS];
        String[] addresses = new String[IDS];
        for (int i = 0; i < IDS; i++) {
            Map<JourneyStep, Long> steps = new EnumMap<>(JourneyStep.class);
            for (JourneyStep step : JourneyStep.values()) {
                steps.put(step, 1_000L + i * 37L + step.ordinal() * 1_000L);
            }
            Optional<JourneyFailure> failure = i % 50 == 0
                    ? Optional.of(new JourneyFailure(JourneyStep.TASK_WAIT, "task FAILURE", "failed to ping"))
                    : Optional.empty();
            results[i] = new JourneyResult("u" + thread + "-" + i, failure, ContainerOrigin.values()[i % 3],
                    2_000_000L + i * 1_000L, steps);
            containers[i] = "c-" + thread + "-" + i;
            addresses[i] = "10.0." + thread + "." + (i % 250) + ":" + (32000 + i);
        }
        long allocated = THREADS.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        for (int k = 0; k < journeys; k++) {
            JourneyResult result = results[k % IDS];
            String id = result.journeyId();
            recorder.started(id);
            recorder.request("assign", 202);
            recorder.request("host_service", 200);
            recorder.request("host_service", 200);
            recorder.request("set_config_encryption_token", 200);
            recorder.request("status", 200);
            recorder.acquired(id, containers[k % IDS], addresses[k % IDS]);
            recorder.request("container_delete", 202);
            recorder.released(id, containers[k % IDS], addresses[k % IDS]);
            recorder.finished(result);
        }
        return new Measure(System.nanoTime() - start, THREADS.getCurrentThreadAllocatedBytes() - allocated);
    }
}
