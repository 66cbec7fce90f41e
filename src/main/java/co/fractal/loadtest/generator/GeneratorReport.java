package co.fractal.loadtest.generator;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The load generator's health over a run, as summary.json's {@code generator} section holds it (field by field in
 * README.md, "summary.json fields"): whether it saturated, from when, at what offered rate and why; whether that
 * stopped the load; its connection budget; its peaks; and every second's sample.
 *
 * @param saturationMode     {@code fail} or {@code warn} ({@code -Dgenerator.saturation})
 * @param saturated          true when {@value SaturationJudge#PERSISTENCE} strained seconds came in a row
 * @param saturatedFrom      when the first saturation began, {@code mm:ss} since the load began; null when none
 * @param saturatedFromSecond the same in seconds; null when none
 * @param offeredPerSecond   journeys per second the profile offered then; null when none, all at once, or once every
 *                           journey had started
 * @param offered            the same in words: "at 20 journeys/s offered", "with the profile's journeys all offered at
 *                           once", "once every journey had started"; null when none
 * @param signals            the signals over their thresholds during the first saturation, each at its worst
 * @param saturatedSeconds   seconds spent saturated in all
 * @param stoppedAt          when saturation stopped the load, {@code mm:ss}; null when it did not
 * @param journeysStarted    journeys started in all (when the load stopped, those it stopped)
 * @param journeysPlanned    journeys the profile plans
 * @param connections        connections the load could hold ({@code -Dgenerator.connections} or sized from the limit)
 * @param requestsAtOnce     requests that could be in flight at once under that budget
 * @param openFilesLimit     the process's open-file limit; -1 unknown
 * @param thresholds         each signal's threshold, by signal
 * @param persistenceSeconds strained seconds in a row that make saturation
 * @param stopAfterSeconds   seconds of saturation that stop the load ({@code -Dgenerator.stopAfter})
 * @param peaks              the worst reading of each gauge over the run
 * @param samples            the seconds sampled: every second of the first hour, then each minute and every strained
 *                           second
 */
@JsonPropertyOrder({"saturationMode", "saturated", "saturatedFrom", "saturatedFromSecond", "offeredPerSecond", "offered", "signals",
        "saturatedSeconds", "stoppedAt", "journeysStarted", "journeysPlanned", "connections", "requestsAtOnce",
        "openFilesLimit", "thresholds", "persistenceSeconds", "stopAfterSeconds", "peaks", "samples"})
public record GeneratorReport(String saturationMode, boolean saturated, String saturatedFrom, Integer saturatedFromSecond,
                              Double offeredPerSecond, String offered, List<String> signals, int saturatedSeconds, String stoppedAt,
                              long journeysStarted, long journeysPlanned, int connections, int requestsAtOnce,
                              long openFilesLimit, Map<String, String> thresholds, int persistenceSeconds,
                              int stopAfterSeconds, Peaks peaks, List<HealthSample> samples) {

    /**
     * The worst reading of each gauge over the run.
     *
     * @param injectionLagSeconds the furthest the journeys fell behind the plan
     * @param eventLoopLagMillis  the worst second's event-loop lag (null: never measured)
     * @param eventLoopWorstMillis the latest single tick of the event-loop probe (null: never measured)
     * @param cpuPercent          the busiest second's process CPU, in percent of every core
     * @param gcMillis            the most time spent in garbage collection in one second
     * @param openFiles           the most files open at once
     * @param requestsInFlight    the most requests in flight at once
     * @param requestsWaiting     the most requests waiting for a connection at once
     */
    public record Peaks(double injectionLagSeconds, Long eventLoopLagMillis, Long eventLoopWorstMillis, double cpuPercent,
                        long gcMillis,
                        long openFiles, long requestsInFlight, long requestsWaiting) {
    }

    public GeneratorReport {
        signals = List.copyOf(signals);
        thresholds = thresholds == null ? Map.of() : thresholds;
        samples = List.copyOf(samples);
    }

    /** True when saturation fails the run ({@code -Dgenerator.saturation=fail}); else it is a caveat. */
    @JsonIgnore
    public boolean enforced() {
        return !"warn".equals(saturationMode);
    }

    /**
     * The saturation in one sentence: from when, at what offered rate, why, and what that means for the figures;
     * empty when the generator never saturated.
     */
    @JsonIgnore
    public Optional<String> finding() {
        if (!saturated) {
            return Optional.empty();
        }
        return Optional.of("the load generator saturated from " + saturatedFrom + " " + offered + " ("
                + String.join("; ", signals) + "): figures after " + saturatedFrom
                + " measure the generator, not the webserver");
    }

    /** Why the load stopped before the profile ended, in one sentence; empty when it did not. */
    @JsonIgnore
    public Optional<String> stopFinding() {
        return stoppedAt == null ? Optional.empty() : Optional.of(String.format(Locale.ROOT,
                "the load was stopped at %s after %d s of saturation (generator.stopAfter): %,d of %,d journeys had started",
                stoppedAt, stopAfterSeconds, journeysStarted, journeysPlanned));
    }

    /** The peaks and the budget in a line: "CPU 45 % at most · GC 12 ms/s at most · …". */
    @JsonIgnore
    public String peaksLine() {
        if (samples.isEmpty()) {
            return String.format(Locale.ROOT, "no second sampled: the load ended within its first (budget: %,d connections, "
                    + "%,d requests at once)", connections, requestsAtOnce);
        }
        return String.format(Locale.ROOT, "at most: %.1f s behind the plan · CPU %.0f %% · GC %d ms/s · open files %s · "
                        + "event-loop lag %s (worst tick %s) · requests %,d in flight, %,d waiting (budget: %,d connections, "
                        + "%,d requests at once)",
                peaks.injectionLagSeconds(), peaks.cpuPercent(), peaks.gcMillis(),
                Signal.count(peaks.openFiles()) + (openFilesLimit > 0 ? " of " + Signal.count(openFilesLimit) : ""),
                peaks.eventLoopLagMillis() == null ? "not measured" : Signal.millis(peaks.eventLoopLagMillis()),
                peaks.eventLoopWorstMillis() == null ? "not measured" : Signal.millis(peaks.eventLoopWorstMillis()),
                peaks.requestsInFlight(), peaks.requestsWaiting(), connections, requestsAtOnce);
    }

    /** 12:07 for 727 seconds, 1:02:07 past an hour. */
    static String clock(int seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }

    /** What the profile offered at a rate: "at 20 journeys/s offered", or when it offered all at once or nothing more. */
    static String offered(double perSecond) {
        if (Double.isInfinite(perSecond)) {
            return "with the profile's journeys all offered at once";
        }
        if (perSecond == 0) {
            return "once every journey had started";
        }
        return "at " + (perSecond == Math.rint(perSecond) ? String.format(Locale.ROOT, "%,d", (long) perSecond)
                : String.format(Locale.ROOT, "%.1f", perSecond)) + " journeys/s offered";
    }
}
