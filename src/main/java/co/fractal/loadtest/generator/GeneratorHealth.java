package co.fractal.loadtest.generator;

import co.fractal.loadtest.config.GeneratorSettings;
import co.fractal.loadtest.config.LoadShape;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The load generator watching itself while the load runs: every second it samples how far the journeys are behind
 * the profile's plan, the process's CPU, its time in garbage collection, its open files against its limit, the
 * event-loop lag the probe saw, and the requests waiting for a connection of the {@link ConnectionBudget}; the
 * {@link SaturationJudge} decides from them whether the generator is saturated and when saturation has lasted long
 * enough to stop the load. Says so on the console when it happens (and every {@value #CONSOLE_EVERY_SECONDS} s
 * otherwise), and hands the whole of it to the run summary as a {@link GeneratorReport}.
 * <p>
 * The journeys tell it when they start and end; the simulation's watchdog ticks the {@link #probe()} and stops the
 * load when {@link #stopReason()} says so.
 */
public final class GeneratorHealth implements AutoCloseable {
    static final int CONSOLE_EVERY_SECONDS = 10;
    /** Seconds kept one by one; later, one a minute and every strained one. */
    static final int EVERY_SECOND_FOR = 3600;
    static final int MOST_SAMPLES = 20_000;
    /** Files kept free of the load's connections: at least this many, for the teardown, the summary, the report. */
    static final int SMALLEST_RESERVE = 256;
    static final int LARGEST_RESERVE = 4096;
    /** The connections assumed when the platform does not tell the open-file limit. */
    static final int CONNECTIONS_WHEN_UNKNOWN = 10_000;

    private final GeneratorSettings settings;
    private final InjectionPlan plan;
    private final ConnectionBudget connections;
    private final long openFilesLimit;
    private final Consumer<String> out;
    private final EventLoopProbe probe = new EventLoopProbe();
    private final SaturationJudge judge;
    private final LongSupplier journeysStarted;
    private final List<HealthSample> samples = new ArrayList<>();
    private final List<Runnable> everySecond = new CopyOnWriteArrayList<>();
    private final int cores = ProcessGauges.cores();
    private ScheduledExecutorService ticker;
    private long startNanos;
    private long lastNanos;
    private long lastCpuNanos;
    private long lastGcMillis;
    private HealthSample peak;
    private volatile String stopReason;

    GeneratorHealth(GeneratorSettings settings, InjectionPlan plan, LongSupplier journeysStarted, ConnectionBudget connections,
                    long openFilesLimit, Consumer<String> out) {
        this.settings = settings;
        this.journeysStarted = journeysStarted;
        this.plan = plan;
        this.connections = connections;
        this.openFilesLimit = openFilesLimit;
        this.out = out;
        this.judge = new SaturationJudge((int) settings.stopAfter().toSeconds());
    }

    /**
     * The health of the load about to start, its connection budget sized now: {@code -Dgenerator.connections}, or
     * else the open-file limit less the files open now and a reserve (a tenth of the limit, 256 to 4096) that the
     * load's connections never take — the teardown, the summary and Gatling's report need files of their own.
     * {@code journeysStarted} counts the journeys begun so far (the run's recorder counts them already).
     */
    public static GeneratorHealth forLoad(GeneratorSettings settings, LoadShape shape, LongSupplier journeysStarted,
                                         Consumer<String> out) {
        long limit = ProcessGauges.openFilesLimit();
        long open = ProcessGauges.openFiles();
        long available = limit <= 0 || open < 0 ? CONNECTIONS_WHEN_UNKNOWN
                : limit - open - Math.max(SMALLEST_RESERVE, Math.min(LARGEST_RESERVE, limit / 10));
        long chosen = settings.connections().isPresent() ? Math.min(settings.connections().getAsInt(), available) : available;
        int budget = (int) Math.max(ConnectionBudget.REMOTES, Math.min(Integer.MAX_VALUE, chosen));
        ConnectionBudget connections = new ConnectionBudget(budget, ProcessGauges.cores());
        out.accept(String.format(Locale.ROOT, "generator: %,d connections at most (%s), so %,d requests in flight at once;"
                        + " saturation %s, the load stops after %s of it", budget,
                limit > 0 ? String.format(Locale.ROOT, "%,d files open of a limit of %,d", open, limit) : "open-file limit unknown",
                connections.permits(), settings.saturation() == GeneratorSettings.Saturation.FAIL ? "fails the run" : "is a caveat",
                describe(settings.stopAfter())));
        return new GeneratorHealth(settings, InjectionPlan.of(shape), journeysStarted, connections, limit, out);
    }

    /** The requests' connection budget. */
    public ConnectionBudget connections() {
        return connections;
    }

    /** The event-loop probe the simulation's watchdog ticks. */
    public EventLoopProbe probe() {
        return probe;
    }

    /** Also runs {@code task} every second, on the sampler's thread, after the sample. */
    public void everySecond(Runnable task) {
        everySecond.add(task);
    }

    /** The load begins now: the first sample comes in a second. */
    public synchronized void start() {
        startNanos = System.nanoTime();
        lastNanos = startNanos;
        lastCpuNanos = ProcessGauges.cpuNanos();
        lastGcMillis = ProcessGauges.gcMillis();
        ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "generator-health");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** A journey ended, however: its connection permit (if it held one) is free. */
    public void journeyEnded(String journey) {
        connections.release(journey);
    }

    /** Why the load must stop now, once saturation has lasted {@code generator.stopAfter}; empty until then. */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    /** The health of the run so far, for its summary. */
    public synchronized GeneratorReport report() {
        HealthSample from = judge.saturatedFrom();
        List<String> signals = new ArrayList<>();
        judge.worstReadings().forEach((signal, sample) -> signals.add(signal.reading(sample)));
        Map<String, String> thresholds = new LinkedHashMap<>();
        for (Signal signal : Signal.values()) {
            thresholds.put(signal.key(), signal.threshold());
        }
        double rate = from == null ? 0 : plan.rateAt(from.second() - 0.5);
        Double offeredPerSecond = from == null || Double.isInfinite(rate) || rate == 0 ? null : Math.round(rate * 10) / 10.0;
        return new GeneratorReport(settings.saturation().name().toLowerCase(Locale.ROOT), from != null,
                from == null ? null : GeneratorReport.clock(from.second() - 1), from == null ? null : from.second() - 1,
                offeredPerSecond, from == null ? null : GeneratorReport.offered(rate), signals, judge.saturatedSeconds(),
                judge.stoppedAt() == null ? null : GeneratorReport.clock(judge.stoppedAt()), journeysStarted.getAsLong(), plan.users(),
                connections.connections(), connections.permits(), openFilesLimit, thresholds, SaturationJudge.PERSISTENCE,
                (int) Math.max(SaturationJudge.PERSISTENCE, settings.stopAfter().toSeconds()), peaks(), samples);
    }

    /** Stops sampling, and lets no request go any more: the load is over. */
    @Override
    public synchronized void close() {
        connections.close();
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    private void tick() {
        try {
            HealthSample sample = sample(System.nanoTime());
            record(sample);
            everySecond.forEach(Runnable::run);
        } catch (RuntimeException e) {
            out.accept("generator: health sample failed: " + e);
        }
    }

    synchronized HealthSample sample(long now) {
        long cpu = ProcessGauges.cpuNanos();
        long gc = ProcessGauges.gcMillis();
        double wallNanos = Math.max(1, now - lastNanos);
        double cpuPercent = cpu < 0 || lastCpuNanos < 0 ? -1 : (cpu - lastCpuNanos) * 100.0 / (wallNanos * cores);
        long gcMillis = gc - lastGcMillis;
        lastNanos = now;
        lastCpuNanos = cpu;
        lastGcMillis = gc;
        double seconds = (now - startNanos) / 1e9;
        long began = journeysStarted.getAsLong();
        Optional<EventLoopProbe.Lag> lag = probe.read(now);
        return new HealthSample((int) Math.round(seconds), began, (long) Math.floor(plan.startedBy(seconds)),
                Math.round(plan.lagSeconds(seconds, began) * 10) / 10.0, connections.inFlight(), connections.waiting(),
                Math.round(cpuPercent * 10) / 10.0, gcMillis, ProcessGauges.openFiles(), openFilesLimit,
                lag.map(EventLoopProbe.Lag::typicalMillis).orElse(null), lag.map(EventLoopProbe.Lag::worstMillis).orElse(null),
                List.of()).judged();
    }

    /** Judges a sample, keeps it, and says on the console what changed. */
    synchronized void record(HealthSample sample) {
        if (sample.second() <= EVERY_SECOND_FOR || sample.strained() || sample.second() % 60 == 0) {
            if (samples.size() < MOST_SAMPLES) {
                samples.add(sample);
            }
        }
        peak = peak == null ? sample : worse(peak, sample);
        boolean saturatedBefore = judge.saturatedFrom() != null;
        boolean stop = judge.judge(sample);
        if (!saturatedBefore && judge.saturatedFrom() != null) {
            report().finding().ifPresent(finding -> out.accept("generator: " + finding));
        } else if (sample.second() % CONSOLE_EVERY_SECONDS == 0) {
            out.accept("generator " + GeneratorReport.clock(sample.second()) + ": " + line(sample));
        }
        if (stop) {
            connections.close();
            stopReason = "the load generator was saturated for " + describe(settings.stopAfter())
                    + " (generator.stopAfter): stopping the load at " + GeneratorReport.clock(sample.second());
            out.accept("generator: " + stopReason + "; teardown follows");
        }
    }

    private GeneratorReport.Peaks peaks() {
        return peak == null ? new GeneratorReport.Peaks(0, null, null, 0, 0, 0, 0, 0)
                : new GeneratorReport.Peaks(peak.injectionLagSeconds(), peak.eventLoopLagMillis(), peak.eventLoopWorstMillis(),
                peak.cpuPercent(), peak.gcMillis(), peak.openFiles(), peak.requestsInFlight(), peak.requestsWaiting());
    }

    // the worst of each gauge, as one sample
    private static HealthSample worse(HealthSample a, HealthSample b) {
        return new HealthSample(b.second(), b.journeysStarted(), b.journeysPlanned(),
                Math.max(a.injectionLagSeconds(), b.injectionLagSeconds()), Math.max(a.requestsInFlight(), b.requestsInFlight()),
                Math.max(a.requestsWaiting(), b.requestsWaiting()), Math.max(a.cpuPercent(), b.cpuPercent()),
                Math.max(a.gcMillis(), b.gcMillis()), Math.max(a.openFiles(), b.openFiles()), b.openFilesLimit(),
                larger(a.eventLoopLagMillis(), b.eventLoopLagMillis()), larger(a.eventLoopWorstMillis(), b.eventLoopWorstMillis()),
                List.of());
    }

    private static Long larger(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.max(a, b));
    }

    /** One sample in a line, as the console shows it. */
    static String line(HealthSample s) {
        return String.format(Locale.ROOT, "journeys started %,d of %,d planned, %.1f s behind · CPU %.0f %% · GC %d ms · "
                        + "open files %s · event-loop lag %s · requests %,d in flight, %,d waiting", s.journeysStarted(),
                s.journeysPlanned(), s.injectionLagSeconds(), s.cpuPercent(), s.gcMillis(),
                Signal.count(s.openFiles()) + (s.openFilesLimit() > 0 ? "/" + Signal.count(s.openFilesLimit()) : ""),
                s.eventLoopLagMillis() == null ? "not measured" : Signal.millis(s.eventLoopLagMillis()),
                s.requestsInFlight(), s.requestsWaiting());
    }

    private static String describe(Duration duration) {
        return co.fractal.loadtest.config.Durations.describe(duration);
    }
}
