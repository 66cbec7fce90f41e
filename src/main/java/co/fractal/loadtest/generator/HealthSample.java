package co.fractal.loadtest.generator;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * One second of the load generator's health, as summary.json's {@code generator.samples[]} holds it.
 *
 * @param second              seconds since the load began, at the end of this second
 * @param journeysStarted     journeys started so far
 * @param journeysPlanned     journeys the profile's plan had started by then
 * @param injectionLagSeconds how long ago the plan meant the next journey to start (0: on time)
 * @param requestsInFlight    requests holding a connection of the budget now
 * @param requestsWaiting     requests waiting for one now
 * @param cpuPercent          the process's CPU over the second, in percent of every core the JVM may use; -1 unknown
 * @param gcMillis            time spent in garbage collection during the second
 * @param openFiles           files (sockets included) open now; -1 unknown; the limit when they could not be counted
 * @param openFilesLimit      the most the process may open; -1 unknown
 * @param eventLoopLagMillis  the event loops' lag during the second: the median lateness of the probe's ticks (the
 *                            silence when none came); null before the probe first ran
 * @param eventLoopWorstMillis the latest tick of the second; null before the probe first ran
 * @param over                the signals at or over their thresholds
 */
@JsonPropertyOrder({"second", "journeysStarted", "journeysPlanned", "injectionLagSeconds", "requestsInFlight",
        "requestsWaiting", "cpuPercent", "gcMillis", "openFiles", "openFilesLimit", "eventLoopLagMillis", "eventLoopWorstMillis", "over"})
public record HealthSample(int second, long journeysStarted, long journeysPlanned, double injectionLagSeconds,
                           long requestsInFlight, long requestsWaiting, double cpuPercent, long gcMillis, long openFiles,
                           long openFilesLimit, Long eventLoopLagMillis, Long eventLoopWorstMillis, List<Signal> over) {

    public HealthSample {
        over = over == null ? List.of() : List.copyOf(over);
    }

    /** The same sample with the signals it is over filled in. */
    HealthSample judged() {
        return new HealthSample(second, journeysStarted, journeysPlanned, injectionLagSeconds, requestsInFlight,
                requestsWaiting, cpuPercent, gcMillis, openFiles, openFilesLimit, eventLoopLagMillis, eventLoopWorstMillis,
                Signal.overIn(this));
    }

    /** True when a signal is at or over its threshold. */
    boolean strained() {
        return !over.isEmpty();
    }
}
