package co.fractal.loadtest.bench;

import co.fractal.loadtest.config.RunConfig;
import co.fractal.loadtest.config.RunId;
import co.fractal.loadtest.results.ContainerOrigin;
import co.fractal.loadtest.results.JourneyRecorder;
import co.fractal.loadtest.results.JourneyResult;
import co.fractal.loadtest.results.JourneyStep;
import co.fractal.loadtest.results.RunInfo;
import co.fractal.loadtest.results.RunSummary;
import co.fractal.loadtest.results.SummaryFiles;
import co.fractal.loadtest.results.TeardownReport;
import co.fractal.loadtest.shards.ShardMerge;
import co.fractal.loadtest.shards.ShardRecorder;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.Stream;

/**
 * What merging a large distributed run costs: generates the files {@code N} shards of a run of {@code J} journeys
 * leave (each through a real {@link ShardRecorder}: summary.json with its histograms, shard.json, every container
 * hold), then times {@link ShardMerge} and writing the merged summary, and reports the heap the merge needed at
 * its peak. Run it in a JVM of its own (README, "Scaling out"):
 * {@code java -Xmx2g -cp … co.fractal.loadtest.bench.ShardMergeCost <shards> <journeys> <dir>}.
 */
public final class ShardMergeCost {
    private ShardMergeCost() {
    }

    public static void main(String[] args) throws IOException {
        int shards = Integer.parseInt(args[0]);
        int journeys = Integer.parseInt(args[1]);
        Path dir = Path.of(args[2]).toAbsolutePath();
        RunId run = RunId.startingAt(Instant.now());
        long generating = System.nanoTime();
        for (int index = 0; index < shards; index++) {
            generate(dir, run, index, shards, journeys);
        }
        System.out.printf("generated %d shards of run %s, %,d journeys, in %.1f s: %,d bytes on disk%n", shards, run,
                journeys, (System.nanoTime() - generating) / 1e9, size(dir.resolve(run.value())));

        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long heapBefore = heapUsed();
        long merging = System.nanoTime();
        RunSummary merged = new ShardMerge(Duration.ofMillis(250)).merge(dir, run);
        double mergeSeconds = (System.nanoTime() - merging) / 1e9;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long writing = System.nanoTime();
        SummaryFiles.writeIn(dir.resolve(run.value()), merged);
        double writeSeconds = (System.nanoTime() - writing) / 1e9;
        System.out.printf("merged %,d journeys of %d shards in %.2f s (summary.json, summary.md, report.html written in"
                        + " %.2f s); heap: %,d MB before, peak %,d MB of -Xmx %,d MB; verdict %s, %,d violations%n",
                merged.journeys().started(), shards, mergeSeconds, writeSeconds, heapBefore >> 20, peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20, merged.verdict().passed() ? "passed" : "failed "
                        + merged.verdict().reasons(), merged.invariantViolations());
    }

    // one shard: its slice of journeys, each holding a container of its own (ip:port reused, as hosts do)
    private static void generate(Path dir, RunId run, int index, int shards, int journeys) {
        RunConfig config = RunConfig.parse(Map.of("target", "https://staging-server.fractal.co", "run.id", run.value(),
                "shard", index + "/" + shards, "users", Integer.toString(journeys), "spawnRate", "10000", "maxDuration", "1h",
                "results.dir", dir.toString()), Map.of("WEBSERVER_ADMIN_TOKEN", "bench"), Clock.systemUTC());
        ShardRecorder shard = new ShardRecorder(config, dir.resolve(run.value()).resolve("shards").resolve(Integer.toString(index)),
                "generator-" + index);
        shard.ready();
        JourneyRecorder recorder = new JourneyRecorder();
        Random random = new Random(index);
        Instant start = Instant.now();
        int first = config.shards().users().first();
        for (int k = first; k < first + config.shards().users().size(); k++) {
            String user = "load_test_" + run + "_" + k;
            recorder.started(user);
            shard.journeyStarted(OptionalInt.of(k));
            recorder.request("assign", 202);
            recorder.request("host_service", 200);
            recorder.request("status", 200);
            shard.acquired(user, "arn:aws:ecs:us-east-1:000000000000:task/load-test/" + Long.toHexString(random.nextLong())
                    + Integer.toHexString(k), "10.0." + (k / 1000 % 250) + "." + (k % 250) + ":" + (32262 + 3 * (k % 1000)));
            shard.released(user);
            Map<JourneyStep, Long> steps = new EnumMap<>(JourneyStep.class);
            for (JourneyStep step : JourneyStep.values()) {
                steps.put(step, 1000L + random.nextInt(2_000_000));
            }
            recorder.finished(new JourneyResult(user, Optional.empty(), random.nextBoolean() ? ContainerOrigin.PREWARMED
                    : ContainerOrigin.SPUN_UP, 500_000L + random.nextInt(20_000_000), steps));
            shard.journeyEnded(OptionalInt.of(k));
        }
        Instant end = Instant.now();
        RunInfo info = new RunInfo(run.value(), "staging", "https://staging-server.fractal.co", "stress",
                config.load().users(), config.load().spawnRate(), 95, start, end, null, false);
        shard.publish(info, recorder.results(end, false), new TeardownReport(Map.of("users", config.load().users()),
                List.of(), List.of(), List.of(), true), null, new PrintStream(OutputStream.nullOutputStream()));
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
