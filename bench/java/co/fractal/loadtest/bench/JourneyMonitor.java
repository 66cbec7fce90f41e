package co.fractal.loadtest.bench;

import co.fractal.loadtest.generator.ProcessGauges;
import co.fractal.loadtest.results.JourneyResult;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Watches the journeys of a benchmark run second by second, from inside the Gatling process: journeys ended
 * (succeeded, failed), their time to container (the suite's headline latency), and the CPU the process and
 * the machine used. The simulation calls {@link #ended} for every journey once it is over; a daemon thread
 * closes one {@link Second} per second and prints it. Recording is wait-free (an HdrHistogram recorder and
 * adders), so watching costs the load next to nothing.
 */
final class JourneyMonitor implements AutoCloseable {
    /** One second of the run, from the start of injection. */
    record Second(int t, long succeeded, long failed, long p50Millis, long p99Millis, long maxMillis,
                  double processCores, double serverCores, double machineBusyPercent, long gcMillis, long openFiles,
                  Histogram timeToContainer) {
        double successPercent() {
            long ended = succeeded + failed;
            return ended == 0 ? 100.0 : 100.0 * succeeded / ended;
        }

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("t", t);
            json.put("succeeded", succeeded);
            json.put("failed", failed);
            json.put("p50Millis", p50Millis);
            json.put("p99Millis", p99Millis);
            json.put("maxMillis", maxMillis);
            json.put("processCores", round(processCores));
            json.put("webserverCores", round(serverCores));
            json.put("machineBusyPercent", round(machineBusyPercent));
            json.put("gcMillis", gcMillis);
            json.put("openFiles", openFiles);
            return json;
        }
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Recorder timeToContainer = new Recorder(3);
    private final List<Second> seconds = new ArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-monitor");
        thread.setDaemon(true);
        return thread;
    });
    private final List<java.util.function.Consumer<Second>> listeners = new ArrayList<>();
    private long lastSucceeded;
    private long lastFailed;
    private long lastCpuNanos;
    private long lastServerCpuNanos;
    private long lastGcMillis;
    private long startedAt;
    private volatile long lastTickAt;
    private java.util.function.Supplier<String> note = () -> "";

    /** Adds the supplier's text to each second's line (e.g. the load offered then). */
    synchronized JourneyMonitor note(java.util.function.Supplier<String> note) {
        this.note = note;
        return this;
    }

    /** Also tells {@code listener} of each second as it closes (on the monitor's thread). */
    synchronized JourneyMonitor onSecond(java.util.function.Consumer<Second> listener) {
        listeners.add(listener);
        return this;
    }

    /** Starts counting seconds from now. */
    synchronized void start() {
        startedAt = System.nanoTime();
        lastTickAt = startedAt;
        lastCpuNanos = ProcessGauges.cpuNanos();
        lastServerCpuNanos = serverCpuNanos();
        lastGcMillis = ProcessGauges.gcMillis();
        timeToContainer.reset();
        ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** Seconds since {@link #start()}. */
    double elapsedSeconds() {
        return (System.nanoTime() - startedAt) / 1e9;
    }

    /** A journey is over, however it ended. */
    void ended(JourneyResult result) {
        if (result.succeeded()) {
            succeeded.increment();
            long micros = result.timeToContainerMicros();
            if (micros >= 0) {
                timeToContainer.recordValue(Math.max(1, micros / 1000));
            }
        } else {
            failed.increment();
        }
    }

    long succeeded() {
        return succeeded.sum();
    }

    long failed() {
        return failed.sum();
    }

    /** Every second closed so far. */
    synchronized List<Second> seconds() {
        return List.copyOf(seconds);
    }

    private synchronized void tick() {
        try {
            long now = System.nanoTime();
            long cpu = ProcessGauges.cpuNanos();
            double wall = (now - lastTickAt) / 1e9;
            double cores = (cpu - lastCpuNanos) / 1e9 / wall;
            lastCpuNanos = cpu;
            long serverCpu = serverCpuNanos();
            double serverCores = (serverCpu - lastServerCpuNanos) / 1e9 / wall;
            lastServerCpuNanos = serverCpu;
            lastTickAt = now;
            long gc = ProcessGauges.gcMillis();
            long ok = succeeded.sum();
            long ko = failed.sum();
            Histogram histogram = timeToContainer.getIntervalHistogram();
            Second second = new Second(seconds.size() + 1, ok - lastSucceeded, ko - lastFailed,
                    histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(50),
                    histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(99),
                    histogram.getTotalCount() == 0 ? 0 : histogram.getMaxValue(),
                    cores, serverCores, Math.max(0, OS.getCpuLoad()) * 100, gc - lastGcMillis, ProcessGauges.openFiles(), histogram);
            lastGcMillis = gc;
            lastSucceeded = ok;
            lastFailed = ko;
            seconds.add(second);
            System.out.printf(Locale.ROOT, "[bench] t=%3ds journeys ok %6d/s failed %5d/s  time to container p50 %4d ms"
                            + " p99 %5d ms  cpu: process %.2f cores (webserver %.2f), machine %3.0f%%  gc %3d ms  files %5d%s%n", second.t(),
                    second.succeeded(), second.failed(), second.p50Millis(), second.p99Millis(), second.processCores(), second.serverCores(),
                    second.machineBusyPercent(), second.gcMillis(), second.openFiles(), note.get());
            for (var listener : listeners) {
                listener.accept(second);
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
        }
    }

    /** Heap used after a full collection (one: under load its pause is what every request in flight waits through). */
    static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** CPU time of the embedded reference webserver's threads (local-webserver-*), nanoseconds. */
    private static long serverCpuNanos() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("local-webserver-")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
