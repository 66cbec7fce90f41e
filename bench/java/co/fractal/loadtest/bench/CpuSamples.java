package co.fractal.loadtest.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One process's CPU time sampled every {@value #PERIOD_MILLIS} ms by a daemon thread until it ends (from
 * {@code /proc/<pid>/stat}, user + system), so that a window of a run can be cut out afterwards by wall time.
 */
final class CpuSamples {
    static final long PERIOD_MILLIS = 500;

    private record Sample(long epochMillis, long ticks) {
    }

    private final List<Sample> samples = new ArrayList<>();
    private final Thread sampler;

    private CpuSamples(long pid) {
        sampler = new Thread(() -> {
            while (true) {
                long[] ticks = ProcCpu.processTicks(pid);
                if (ticks == null) {
                    return;
                }
                synchronized (samples) {
                    samples.add(new Sample(System.currentTimeMillis(), ticks[0] + ticks[1]));
                }
                try {
                    Thread.sleep(PERIOD_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-cpu-" + pid);
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts sampling the process. */
    static CpuSamples of(long pid) {
        return new CpuSamples(pid);
    }

    /** CPU seconds the process used between two wall-clock instants (the nearest samples), or -1 when unknown. */
    double cpuSecondsBetween(long fromEpochMillis, long toEpochMillis) {
        synchronized (samples) {
            Sample from = nearest(fromEpochMillis);
            Sample to = nearest(toEpochMillis);
            return from == null || to == null || to.ticks() < from.ticks() ? -1 : (to.ticks() - from.ticks()) / 100.0;
        }
    }

    private Sample nearest(long epochMillis) {
        Sample best = null;
        for (Sample sample : samples) {
            if (best == null || Math.abs(sample.epochMillis() - epochMillis) < Math.abs(best.epochMillis() - epochMillis)) {
                best = sample;
            }
        }
        return best;
    }
}
