package co.fractal.loadtest.bench;

import co.fractal.loadtest.results.JourneyRecorderBenchmark;

import java.nio.file.Path;

/**
 * Row 5: what our own per-journey bookkeeping costs, measured by the project's
 * {@link JourneyRecorderBenchmark} (the calls a real journey makes, on {@code bench.threads} threads, after a
 * warm-up), in a JVM of its own. Writes {@code bench.out}.
 */
public final class RecorderCost {
    private RecorderCost() {
    }

    public static void main(String[] args) throws Exception {
        int journeys = Integer.parseInt(BenchFiles.optional("bench.journeys", "1000000"));
        int threads = Integer.parseInt(BenchFiles.optional("bench.threads", "2"));
        JourneyRecorderBenchmark.Figures figures = JourneyRecorderBenchmark.measure(journeys, threads);
        System.out.println(figures);
        BenchFiles.write(Path.of(BenchFiles.required("bench.out")), figures);
    }
}
