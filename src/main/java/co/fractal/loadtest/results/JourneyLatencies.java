package co.fractal.loadtest.results;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * The latency histograms of ended journeys — time to container overall and by origin, and the time of each
 * step — written by many threads at once. Values are microseconds, {@value #SIGNIFICANT_DIGITS} significant
 * digits, auto-resizing; negative values (not reached) are skipped.
 * <p>
 * Each recording thread owns a set of histograms and records a whole journey inside one HdrHistogram
 * {@link WriterReaderPhaser} critical section: threads share no memory, and a journey costs two uncontended
 * atomic increments plus the histogram updates. A snapshot swaps each thread's set for an empty one (the
 * interval-recorder pattern) and adds what it held to the totals, without stopping the writers. Memory is
 * bounded by the number of recording threads, not by the number of journeys.
 */
final class JourneyLatencies {
    static final int SIGNIFICANT_DIGITS = 3;
    private static final ContainerOrigin[] ORIGINS = ContainerOrigin.values();
    private static final JourneyStep[] STEPS = JourneyStep.values();
    private static final int FIRST_ORIGIN = 1;
    private static final int FIRST_STEP = FIRST_ORIGIN + ORIGINS.length;
    private static final int METRICS = FIRST_STEP + STEPS.length;

    /** Copies of the totals. */
    record Snapshot(Histogram timeToContainer, Map<ContainerOrigin, Histogram> byOrigin, Map<JourneyStep, Histogram> steps) {
    }

    private final ThreadLocal<Writer> own = ThreadLocal.withInitial(this::register);
    private final Queue<Writer> writers = new ConcurrentLinkedQueue<>();
    private final Histogram[] totals = histograms();

    /** Records the journey's time to container (when reached) and the time of each step it reached. */
    void record(JourneyResult result) {
        own.get().record(result);
    }

    /** Everything recorded so far. */
    synchronized Snapshot snapshot() {
        for (Writer writer : writers) {
            writer.drainInto(totals);
        }
        Map<ContainerOrigin, Histogram> byOrigin = new EnumMap<>(ContainerOrigin.class);
        for (ContainerOrigin origin : ORIGINS) {
            byOrigin.put(origin, totals[FIRST_ORIGIN + origin.ordinal()].copy());
        }
        Map<JourneyStep, Histogram> steps = new EnumMap<>(JourneyStep.class);
        for (JourneyStep step : STEPS) {
            steps.put(step, totals[FIRST_STEP + step.ordinal()].copy());
        }
        return new Snapshot(totals[0].copy(), Collections.unmodifiableMap(byOrigin), Collections.unmodifiableMap(steps));
    }

    private Writer register() {
        Writer writer = new Writer();
        writers.add(writer);
        return writer;
    }

    private static Histogram[] histograms() {
        Histogram[] histograms = new Histogram[METRICS];
        for (int i = 0; i < METRICS; i++) {
            histograms[i] = new Histogram(SIGNIFICANT_DIGITS);
        }
        return histograms;
    }

    /** One thread's histograms: written by that thread only, drained by snapshots. */
    private static final class Writer {
        private final WriterReaderPhaser phaser = new WriterReaderPhaser();
        private volatile Histogram[] active = histograms();
        private Histogram[] inactive = histograms();

        void record(JourneyResult result) {
            long epoch = phaser.writerCriticalSectionEnter();
            try {
                Histogram[] histograms = active;
                long ttc = result.timeToContainerMicros();
                if (ttc >= 0) {
                    ContainerOrigin origin = result.origin() == null ? ContainerOrigin.UNKNOWN : result.origin();
                    histograms[0].recordValue(ttc);
                    histograms[FIRST_ORIGIN + origin.ordinal()].recordValue(ttc);
                }
                Map<JourneyStep, Long> stepMicros = result.stepMicros();
                for (JourneyStep step : STEPS) {
                    Long micros = stepMicros.get(step);
                    if (micros != null && micros >= 0) {
                        histograms[FIRST_STEP + step.ordinal()].recordValue(micros);
                    }
                }
            } finally {
                phaser.writerCriticalSectionExit(epoch);
            }
        }

        /** Adds what was recorded since the last drain to {@code totals}; callers hold the snapshot lock. */
        void drainInto(Histogram[] totals) {
            phaser.readerLock();
            try {
                for (Histogram histogram : inactive) {
                    histogram.reset();
                }
                Histogram[] drained = active;
                active = inactive;
                inactive = drained;
                phaser.flipPhase();
                for (int i = 0; i < METRICS; i++) {
                    totals[i].add(drained[i]);
                }
            } finally {
                phaser.readerUnlock();
            }
        }
    }
}
