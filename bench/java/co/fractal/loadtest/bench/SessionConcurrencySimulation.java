package co.fractal.loadtest.bench;

import co.fractal.loadtest.config.RunConfig;
import co.fractal.loadtest.management.LoadTestRun;
import co.fractal.loadtest.results.Verdict;
import co.fractal.loadtest.simulation.JourneyProtocol;
import co.fractal.loadtest.simulation.groups.ContainerJourney;
import io.gatling.javaapi.core.Simulation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static io.gatling.javaapi.core.CoreDsl.rampUsers;

/**
 * Row 7: held sessions at once, each container pinging every 5 s, against a reference webserver in its own
 * process ({@code -Dtarget}). The suite's own journey and session: {@code bench.sessions} users acquire a container
 * over {@code bench.rampSeconds} and hold it (graceful ending) long enough that all are held together for
 * {@code bench.holdSeconds}; halfway through that hold the heap is measured after a full collection and compared
 * with the heap before the load. Writes {@code bench.out}.
 */
public class SessionConcurrencySimulation extends Simulation {
    private final int sessions = Integer.parseInt(BenchFiles.optional("bench.sessions", "20000"));
    private final int rampSeconds = Integer.parseInt(BenchFiles.optional("bench.rampSeconds", "100"));
    private final int holdSeconds = Integer.parseInt(BenchFiles.optional("bench.holdSeconds", "60"));
    private final Duration pingInterval = Duration.ofSeconds(5);
    /** Every session lasts from its start past the end of the ramp and the hold. */
    private final Duration length = Duration.ofSeconds(rampSeconds + holdSeconds + 10L);
    private final RunConfig config = BenchRun.config(Map.of(
            "session.length", length.toSeconds() + "s", "session.pingInterval", pingInterval.toSeconds() + "s",
            "session.endings", "graceful=1", "session.logsPoll", "1s", "results.dir", "target/bench/runs"),
            sessions, length.multipliedBy(3).plusSeconds(rampSeconds));
    private final LoadTestRun run = LoadTestRun.open(config, System.out::println);
    private final JourneyMonitor monitor = new JourneyMonitor();
    private final BenchFiles.Reserved out = BenchFiles.reserve(Path.of(BenchFiles.required("bench.out")));
    private final Map<String, Object> heap = new LinkedHashMap<>();
    private volatile long heldAtTopMin = Long.MAX_VALUE;
    private volatile long maxOpenFiles;

    {
        monitor.note(() -> String.format(Locale.ROOT, "  held %6d", run.heldSessions())).onSecond(this::observe);
        run.observeJourneys(monitor::ended);
        setUp(new ContainerJourney(run, config.journey(), config.sessions(), run.target().hostServicePort()).scenario()
                        .injectOpen(rampUsers(sessions).during(rampSeconds)))
                .protocols(JourneyProtocol.of(run.target()))
                .maxDuration(config.maxDuration());
    }

    @Override
    public void before() {
        long start = System.nanoTime();
        run.start();
        System.out.printf(Locale.ROOT, "[bench] %d test users ready in %.1f s; sessions started over %d s, each held %d s,"
                + " pinging every %d s%n", sessions, (System.nanoTime() - start) / 1e9, rampSeconds, length.toSeconds(),
                pingInterval.toSeconds());
        heap.put("beforeLoadBytes", JourneyMonitor.liveHeap());
        monitor.start();
    }

    @Override
    public void after() {
        monitor.close();
        Verdict verdict = run.finish(false);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sessions", sessions);
        json.put("holdSeconds", holdSeconds);
        json.put("pingIntervalSeconds", pingInterval.toSeconds());
        json.put("heldTogetherAtLeast", heldAtTopMin == Long.MAX_VALUE ? 0 : heldAtTopMin);
        json.put("journeysSucceeded", monitor.succeeded());
        json.put("journeysFailed", monitor.failed());
        json.put("maxOpenFiles", maxOpenFiles);
        json.put("heap", heap);
        json.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        json.put("runPassed", verdict.passed());
        json.put("verdictReasons", verdict.reasons());
        out.write(json);
    }

    private void observe(JourneyMonitor.Second second) {
        int t = second.t();
        maxOpenFiles = Math.max(maxOpenFiles, second.openFiles());
        long held = run.heldSessions();
        if (t > rampSeconds + 5 && t <= rampSeconds + holdSeconds) {
            heldAtTopMin = Math.min(heldAtTopMin, held);
        }
        if (t == rampSeconds + holdSeconds / 2) {
            long used = JourneyMonitor.liveHeap();
            heap.put("duringHoldBytes", used);
            heap.put("heldAtMeasure", held);
            heap.put("bytesPerHeldSession", held <= 0 ? 0 : (used - (long) heap.get("beforeLoadBytes")) / held);
            System.out.printf(Locale.ROOT, "[bench] heap after a full collection with %d sessions held: %.0f MiB (%.0f MiB"
                    + " before the load)%n", held, used / 1048576.0, (long) heap.get("beforeLoadBytes") / 1048576.0);
        }
    }

}
