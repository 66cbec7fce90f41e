package co.fractal.loadtest.bench;

import co.fractal.loadtest.config.RunConfig;
import co.fractal.loadtest.management.LoadTestRun;
import co.fractal.loadtest.results.Verdict;
import co.fractal.loadtest.simulation.JourneyProtocol;
import co.fractal.loadtest.simulation.groups.ContainerJourney;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.Simulation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;

/**
 * Row 3: journeys in flight at once, each polling at the suite's default 1 s interval. The suite's own
 * journey against the embedded reference webserver with a slow first ping ({@code local.pingDelay}, set so
 * that every journey is still waiting for its task when the hold ends): the in-flight count climbs in steps
 * ({@code bench.steps}, each reached over {@code bench.stepRampSeconds} and held {@code bench.settleSeconds}),
 * the top step is held {@code bench.holdSeconds}, then every journey gets its container, releases it and
 * ends. Halfway through the hold the heap is measured after a full collection and compared with the heap
 * before the load (test users already provisioned): the difference per in-flight journey is what one costs,
 * Gatling session, journey state and the reference webserver's assignment together. Writes {@code bench.out}.
 */
public class JourneyConcurrencySimulation extends Simulation {
    private final int[] steps = Arrays.stream(BenchFiles.optional("bench.steps", "5000,10000,15000,20000").split(","))
            .mapToInt(step -> Integer.parseInt(step.trim())).toArray();
    private final int rampSeconds = Integer.parseInt(BenchFiles.optional("bench.stepRampSeconds", "4"));
    private final int settleSeconds = Integer.parseInt(BenchFiles.optional("bench.settleSeconds", "6"));
    private final int holdSeconds = Integer.parseInt(BenchFiles.optional("bench.holdSeconds", "60"));
    private final int top = steps[steps.length - 1];
    /** When the top step is reached, and when its hold ends (seconds from the start of the load). */
    private final int topAt = (steps.length - 1) * (rampSeconds + settleSeconds) + rampSeconds;
    private final int holdEnd = topAt + holdSeconds;
    /** The first ping comes this long after the rendezvous: the first journeys get their container as the hold ends. */
    private final Duration pingDelay = Duration.ofSeconds(holdEnd + 1);
    private final RunConfig config = BenchRun.config(Map.of(
            "local.pingDelay", pingDelay.toSeconds() + "s",
            "local.clientTimeout", pingDelay.plusSeconds(60).toSeconds() + "s",
            "taskWait.polls", Long.toString(pingDelay.toSeconds() + 60),
            "results.dir", "target/bench/runs"), top, pingDelay.multipliedBy(2).plusSeconds(topAt + 60));
    private final LoadTestRun run = LoadTestRun.open(config, System.out::println);
    private final JourneyMonitor monitor = new JourneyMonitor();
    private final Map<String, Object> heap = new LinkedHashMap<>();
    private final List<Map<String, Object>> stepResults = new ArrayList<>();
    private volatile long failedDuringHold = -1;
    private long maxOpenFilesUntilHoldEnd;
    private double coresDuringHold;
    private int secondsOfHold;

    {
        monitor.note(() -> String.format(Locale.ROOT, "  in flight %6d", inFlight(monitor.elapsedSeconds())))
                .onSecond(this::observe);
        List<OpenInjectionStep> injection = new ArrayList<>();
        int previous = 0;
        for (int i = 0; i < steps.length; i++) {
            injection.add(rampUsers(steps[i] - previous).during(rampSeconds));
            injection.add(nothingFor(i == steps.length - 1 ? 1 : settleSeconds));
            previous = steps[i];
        }
        run.observeJourneys(monitor::ended);
        setUp(new ContainerJourney(run, config.journey(), config.sessions(), run.target().hostServicePort()).scenario()
                        .injectOpen(injection.toArray(OpenInjectionStep[]::new)))
                .protocols(JourneyProtocol.of(run.target()))
                .maxDuration(config.maxDuration());
    }

    @Override
    public void before() {
        long start = System.nanoTime();
        run.start();
        System.out.printf(Locale.ROOT, "[bench] %d test users ready in %.1f s; steps %s reached over %d s each, held %d s,"
                        + " the top one until %d s; first ping %d s after the rendezvous%n", top, (System.nanoTime() - start) / 1e9,
                Arrays.toString(steps), rampSeconds, settleSeconds, holdEnd, pingDelay.toSeconds());
        heap.put("beforeLoadBytes", JourneyMonitor.liveHeap());
        monitor.start();
    }

    @Override
    public void after() {
        monitor.close();
        Verdict verdict = run.finish(false);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("steps", stepResults);
        json.put("top", top);
        json.put("holdSeconds", holdSeconds);
        json.put("failedDuringHold", failedDuringHold);
        json.put("journeysSucceeded", monitor.succeeded());
        json.put("journeysFailed", monitor.failed());
        json.put("maxOpenFilesUntilHoldEnd", maxOpenFilesUntilHoldEnd);
        json.put("processCoresDuringHold", secondsOfHold == 0 ? 0 : JourneyMonitor.round(coresDuringHold / secondsOfHold));
        json.put("heap", heap);
        json.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        json.put("runPassed", verdict.passed());
        json.put("seconds", monitor.seconds().stream().map(JourneyMonitor.Second::json).toList());
        BenchFiles.write(Path.of(BenchFiles.required("bench.out")), json);
    }

    /** Journeys started by then (the injection is deterministic) and not ended. */
    private long inFlight(double seconds) {
        return injectedBy(seconds) - monitor.succeeded() - monitor.failed();
    }

    private long injectedBy(double seconds) {
        long injected = 0;
        int previous = 0;
        double t = 0;
        for (int step : steps) {
            double into = Math.min(Math.max(seconds - t, 0), rampSeconds);
            injected = previous + Math.round((step - previous) * into / rampSeconds);
            if (seconds < t + rampSeconds) {
                return injected;
            }
            previous = step;
            t += rampSeconds + settleSeconds;
        }
        return injected;
    }

    private void observe(JourneyMonitor.Second second) {
        int t = second.t();
        if (t <= holdEnd) {
            maxOpenFilesUntilHoldEnd = Math.max(maxOpenFilesUntilHoldEnd, second.openFiles());
        }
        if (t > topAt && t <= holdEnd) {
            coresDuringHold += second.processCores();
            secondsOfHold++;
        }
        for (int i = 0; i < steps.length - 1; i++) {
            if (t == (i + 1) * (rampSeconds + settleSeconds)) {
                stepResults.add(step(steps[i], settleSeconds, second));
            }
        }
        if (t == topAt + holdSeconds / 2) {
            long inFlight = inFlight(t);
            long used = JourneyMonitor.liveHeap();
            heap.put("duringHoldBytes", used);
            heap.put("inFlightAtMeasure", inFlight);
            heap.put("bytesPerInFlightJourney", inFlight <= 0 ? 0 : (used - (long) heap.get("beforeLoadBytes")) / inFlight);
            heap.put("serverHeldContainers", heldContainers());
            System.out.printf(Locale.ROOT, "[bench] heap after a full collection with %d journeys in flight: %.0f MB"
                    + " (%.0f MB before the load)%n", inFlight, used / 1e6, (long) heap.get("beforeLoadBytes") / 1e6);
        }
        if (t == holdEnd) {
            failedDuringHold = monitor.failed();
            stepResults.add(step(top, holdSeconds, second));
        }
    }

    private Map<String, Object> step(int target, int heldSeconds, JourneyMonitor.Second second) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("target", target);
        step.put("inFlight", inFlight(second.t()));
        step.put("heldSeconds", heldSeconds);
        step.put("failedSoFar", monitor.failed());
        step.put("openFiles", second.openFiles());
        return step;
    }


    /** Containers the reference webserver says users hold now (GET /admin/containers), -1 when it cannot tell. */
    private long heldContainers() {
        try {
            return run.target().webserver().containers(run.target().adminToken())
                    .map(containers -> containers.stream().filter(container -> container.userId() != null).count())
                    .orElse(-1L);
        } catch (RuntimeException e) {
            System.out.println("[bench] cannot count held containers: " + e);
            return -1;
        }
    }
}
