package co.fractal.loadtest.bench;

import co.fractal.loadtest.config.RunConfig;
import co.fractal.loadtest.generator.ProcessGauges;
import co.fractal.loadtest.management.LoadTestRun;
import co.fractal.loadtest.simulation.JourneyProtocol;
import co.fractal.loadtest.simulation.groups.ContainerJourney;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import org.HdrHistogram.Histogram;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Row 2: completed container journeys per second. The suite's own journey ({@link ContainerJourney}, every
 * check on, one test user each) against the embedded reference webserver with every server delay at zero,
 * in open injection: a warm-up ramp ({@code bench.warmUpSeconds} up to {@code bench.warmUpRate}, not judged),
 * then a stair of arrival rates ({@code bench.rates}, each held {@code bench.levelSeconds}). The load stops
 * once the success rate of a second drops below 99% or its time-to-container p99 passes 1 s for
 * {@code bench.breakSeconds} seconds in a row, or connections pile up ({@value #OPEN_FILES_GUARD} open files). Each level is judged
 * on its seconds but the first; the sustained rate is the completion rate of the highest level that stayed
 * within both limits, every level below it too. Writes {@code bench.out} (JSON).
 */
public class JourneyThroughputSimulation extends Simulation {
    static final double MIN_SUCCESS_PERCENT = 99.0;
    static final long MAX_P99_MILLIS = 1000;
    /**
     * Past this many open files (2 to 10 times the steady state) the run is past its limits: latency is growing
     * and Gatling opens a connection per waiting request, several thousand files a second toward the process's
     * cap (20,000 here), where everything fails. Checked every 100 ms.
     */
    static final long OPEN_FILES_GUARD = 4_000;
    /** Gatling's own plain GET rate against the same server comes first: this many looping users. */
    static final int PLAIN_USERS = 50;
    /** Its first seconds are not counted. */
    static final int PLAIN_WARM_UP_SECONDS = 3;

    private final double[] rates = Arrays.stream(BenchFiles.optional("bench.rates",
                    "2000,2500,3000,3500,4000,4500,5000,5500,6000").split(","))
            .mapToDouble(rate -> Double.parseDouble(rate.trim())).toArray();
    private final int levelSeconds = Integer.parseInt(BenchFiles.optional("bench.levelSeconds", "4"));
    private final int warmUpSeconds = Integer.parseInt(BenchFiles.optional("bench.warmUpSeconds", "10"));
    private final double warmUpRate = Double.parseDouble(BenchFiles.optional("bench.warmUpRate", Double.toString(rates[0] * 0.75)));
    private final int breakSeconds = Integer.parseInt(BenchFiles.optional("bench.breakSeconds", "2"));
    private final int journeys = totalJourneys();
    private final Duration injection = Duration.ofSeconds(warmUpSeconds + (long) rates.length * levelSeconds);
    private final RunConfig config = BenchRun.config(Map.of(
            "local.spinUpDelay", "0ms", "local.prewarmDelay", "0ms", "local.pingDelay", "0ms",
            "results.dir", "target/bench/runs"), journeys + journeys / 50 + 10, injection.plusSeconds(90));
    private final LoadTestRun run = LoadTestRun.open(config, System.out::println);
    private final JourneyMonitor monitor = new JourneyMonitor();
    private final BenchFiles.Reserved out = BenchFiles.reserve(Path.of(BenchFiles.required("bench.out")));
    private final int plainSeconds = Integer.parseInt(BenchFiles.optional("bench.plainSeconds", "10"));
    private final LongAdder plainAnswers = new LongAdder();
    private final AtomicInteger plainUsersLeft = new AtomicInteger(PLAIN_USERS);
    private volatile long plainStartedAt;
    private volatile long plainEndedAt;
    private final AtomicBoolean stop = new AtomicBoolean();
    private volatile String stoppedBecause;
    private int badSecondsInARow;

    {
        monitor.note(() -> String.format(Locale.ROOT, "  offered %5.0f/s", offeredAt(monitor.elapsedSeconds() - 0.5)))
                .onSecond(this::judge);
        List<OpenInjectionStep> steps = new ArrayList<>();
        steps.add(rampUsersPerSec(Math.min(100, warmUpRate)).to(warmUpRate).during(warmUpSeconds));
        for (double rate : rates) {
            steps.add(constantUsersPerSec(rate).during(levelSeconds));
        }
        run.observeJourneys(monitor::ended);
        // Gatling's plain GET capacity against the same embedded server first; the journeys' clock starts when it ends
        ScenarioBuilder plain = scenario("plain GET")
                .during(Duration.ofSeconds(plainSeconds)).on(exec(http("plain GET /status").get("/status/" + UUID.randomUUID())
                        .check(status().is(200))).exec(this::plainAnswered))
                .exec(this::plainUserEnded);
        setUp(plain.injectOpen(atOnceUsers(PLAIN_USERS)).andThen(new ContainerJourney(run, config.journey(),
                                config.sessions(), run.target().hostServicePort()).scenario().injectOpen(steps.toArray(OpenInjectionStep[]::new))),
                // stops the load once past the limits; otherwise ends with the last journey
                scenario("bench watchdog")
                        .exec(asLongAsDuring(session -> !stop.get() && !allEnded() && !tooManyFiles(), config.maxDuration())
                                .on(pause(Duration.ofMillis(100))))
                        .exec(stopLoadGeneratorIf(session -> "past the limits: " + stoppedBecause, session -> stop.get()))
                        .injectOpen(atOnceUsers(1)))
                .protocols(JourneyProtocol.of(run.target()))
                .maxDuration(config.maxDuration());
    }

    @Override
    public void before() {
        long start = System.nanoTime();
        run.start();
        System.out.printf(Locale.ROOT, "[bench] %d test users ready in %.1f s; %d plain GET users for %d s, then a warm-up of %d s"
                + " up to %.0f/s, then levels %s/s, %d s each%n", config.load().users(), (System.nanoTime() - start) / 1e9,
                PLAIN_USERS, plainSeconds, warmUpSeconds, warmUpRate, Arrays.toString(rates), levelSeconds);
        plainStartedAt = System.nanoTime();
    }

    private Session plainAnswered(Session session) {
        if (System.nanoTime() - plainStartedAt >= PLAIN_WARM_UP_SECONDS * 1_000_000_000L) {
            plainAnswers.increment();
        }
        return session;
    }

    // the last plain user ends: the journeys begin, and their clock with them
    private Session plainUserEnded(Session session) {
        if (plainUsersLeft.decrementAndGet() == 0) {
            plainEndedAt = System.nanoTime();
            System.out.printf(Locale.ROOT, "[bench] plain GET: %.0f requests/s%n", plainRequestsPerSecond());
            monitor.start();
        }
        return session;
    }

    private double plainRequestsPerSecond() {
        double seconds = (plainEndedAt - plainStartedAt) / 1e9 - PLAIN_WARM_UP_SECONDS;
        return plainEndedAt == 0 || seconds <= 0 ? 0 : JourneyMonitor.round(plainAnswers.sum() / seconds);
    }

    @Override
    public void after() {
        monitor.close();
        // connections piled up by a stopped overload close once idle (-Dgatling.http.pooledConnectionIdleTimeout);
        // writing the result and tearing down need files of their own, so wait for them (20 s at most)
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (ProcessGauges.openFiles() > OPEN_FILES_GUARD / 2 && System.nanoTime() < until) { // the limit at the cap
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        System.out.println("[bench] load over, " + ProcessGauges.openFiles() + " open files: tearing down");
        out.write(results());
        run.finish(false);
    }

    private boolean tooManyFiles() {
        long files = ProcessGauges.openFiles();
        if (files > OPEN_FILES_GUARD && stop.compareAndSet(false, true)) {
            double t = monitor.elapsedSeconds();
            stoppedBecause = String.format(Locale.ROOT, "%d open files at %.1f s (connections piling up), offered %d/s", files, t,
                    Math.round(offeredAt(t)));
            System.out.println("[bench] stopping the load: " + stoppedBecause);
        }
        return stop.get();
    }

    private boolean allEnded() {
        return monitor.succeeded() + monitor.failed() >= journeys;
    }

    private void judge(JourneyMonitor.Second second) {
        boolean loaded = second.t() > 1 && second.t() <= injection.toSeconds();
        String why = null;
        if (second.succeeded() + second.failed() == 0 && loaded) {
            why = "no journey ended in second " + second.t();
        } else if (second.successPercent() < MIN_SUCCESS_PERCENT) {
            why = String.format(Locale.ROOT, "success %.1f%% in second %d", second.successPercent(), second.t());
        } else if (second.p99Millis() > MAX_P99_MILLIS) {
            why = "time-to-container p99 " + second.p99Millis() + " ms in second " + second.t();
        }
        badSecondsInARow = why == null ? 0 : Math.max(badSecondsInARow, 0) + 1;
        if (badSecondsInARow >= breakSeconds && second.t() > warmUpSeconds && stop.compareAndSet(false, true)) {
            stoppedBecause = why + ", offered " + Math.round(offeredAt(second.t() - 0.5)) + "/s";
            System.out.println("[bench] stopping the load: " + stoppedBecause);
        }
    }

    /** The arrival rate offered at that many seconds into the load. */
    private double offeredAt(double seconds) {
        if (seconds < warmUpSeconds) {
            return seconds < 0 ? 0 : warmUpRate * seconds / warmUpSeconds;
        }
        int level = (int) Math.floor((seconds - warmUpSeconds) / levelSeconds);
        return level >= rates.length ? 0 : rates[level];
    }

    private int totalJourneys() {
        long total = Math.round((Math.min(100, warmUpRate) + warmUpRate) / 2 * warmUpSeconds);
        for (double rate : rates) {
            total += Math.round(rate * levelSeconds);
        }
        return Math.toIntExact(total);
    }

    private Map<String, Object> results() {
        List<JourneyMonitor.Second> seconds = monitor.seconds();
        List<Map<String, Object>> levels = new ArrayList<>();
        Map<String, Object> best = null;
        boolean allWithin = true;
        for (int i = 0; i < rates.length; i++) {
            // the level covers seconds t in (start, start + d]; its first second is left out
            int from = warmUpSeconds + i * levelSeconds + 2;
            int to = warmUpSeconds + (i + 1) * levelSeconds;
            long ok = 0;
            long ko = 0;
            int n = 0;
            double cores = 0;
            double serverCores = 0;
            double busy = 0;
            long gc = 0;
            long files = 0;
            Histogram merged = new Histogram(3);
            for (JourneyMonitor.Second s : seconds) {
                if (s.t() >= from && s.t() <= to) {
                    ok += s.succeeded();
                    ko += s.failed();
                    cores += s.processCores();
                    serverCores += s.serverCores();
                    busy += s.machineBusyPercent();
                    gc += s.gcMillis();
                    files = Math.max(files, s.openFiles());
                    merged.add(s.timeToContainer());
                    n++;
                }
            }
            if (n < to - from + 1 || (stop.get() && seconds.size() < to + 1)) {
                break; // the load stopped before the level's end
            }
            double success = ok + ko == 0 ? 0 : 100.0 * ok / (ok + ko);
            long p99 = merged.getTotalCount() == 0 ? 0 : merged.getValueAtPercentile(99);
            boolean within = ok + ko > 0 && success >= MIN_SUCCESS_PERCENT && p99 <= MAX_P99_MILLIS;
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("offeredPerSecond", rates[i]);
            level.put("completedPerSecond", JourneyMonitor.round((double) ok / n));
            level.put("successPercent", JourneyMonitor.round(success));
            level.put("p50Millis", merged.getTotalCount() == 0 ? 0 : merged.getValueAtPercentile(50));
            level.put("p99Millis", p99);
            level.put("processCores", JourneyMonitor.round(cores / n));
            level.put("webserverCores", JourneyMonitor.round(serverCores / n));
            level.put("generatorCpuMillisPerJourney", ok == 0 ? -1 : JourneyMonitor.round((cores - serverCores) * 1000 / ok));
            level.put("machineBusyPercent", JourneyMonitor.round(busy / n));
            level.put("gcMillisPerSecond", JourneyMonitor.round((double) gc / n));
            level.put("maxOpenFiles", files);
            level.put("withinLimits", within);
            levels.add(level);
            allWithin &= within;
            if (allWithin && (best == null || (double) level.get("completedPerSecond") > (double) best.get("completedPerSecond"))) {
                best = level;
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("plainRequestsPerSecond", plainRequestsPerSecond());
        json.put("levelSeconds", levelSeconds);
        json.put("warmUpSeconds", warmUpSeconds);
        json.put("journeysSucceeded", monitor.succeeded());
        json.put("journeysFailed", monitor.failed());
        json.put("sustained", best);
        json.put("stoppedBecause", stoppedBecause);
        json.put("levels", levels);
        json.put("seconds", seconds.stream().map(JourneyMonitor.Second::json).toList());
        return json;
    }
}
