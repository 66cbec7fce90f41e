package co.fractal.loadtest.results;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * An immutable snapshot of what the journey recorder collected, from which the run summary is built.
 * Histograms hold microseconds; every histogram accessor returns a fresh copy.
 *
 * @param endedAt                 when the snapshot was taken
 * @param cutShort                true when the run ended (maximum duration reached, or the process was stopped) before every journey did
 * @param started                 journeys started
 * @param succeeded               journeys that ended in success
 * @param failed                  journeys that ended in a recorded failure (with a cut-short run: also those the
 *                                end cut off, under reason {@value JourneyRecorder#RUN_ENDED_FIRST})
 * @param vanished                journeys that never ended although the run was not cut short
 * @param failures                failed journeys by step and reason, most frequent first
 * @param timeToContainer         assign sent → SUCCESS seen, of every journey that reached SUCCESS
 * @param timeToContainerByOrigin the same, split by how the container came (every origin present)
 * @param steps                   the time each step took (every step present)
 * @param requests                HTTP answers by endpoint and status (0 = no answer), sorted
 * @param violations              per invariant (every invariant present), what was seen breaking it
 * @param sessions                the held sessions, or null when the run held none
 */
public record RunResults(Instant endedAt, boolean cutShort, long started, long succeeded, long failed, long vanished,
                         List<FailureTally> failures, Histogram timeToContainer,
                         Map<ContainerOrigin, Histogram> timeToContainerByOrigin, Map<JourneyStep, Histogram> steps,
                         Map<String, Map<Integer, Long>> requests, Map<Invariant, ViolationTally> violations,
                         SessionResults sessions) {

    public RunResults {
        failures = List.copyOf(failures);
        timeToContainer = timeToContainer.copy();
        timeToContainerByOrigin = copies(ContainerOrigin.class, timeToContainerByOrigin);
        steps = copies(JourneyStep.class, steps);
        Map<String, Map<Integer, Long>> requestCopy = new LinkedHashMap<>();
        requests.forEach((endpoint, statuses) -> requestCopy.put(endpoint,
                Collections.unmodifiableMap(new LinkedHashMap<>(statuses))));
        requests = Collections.unmodifiableMap(requestCopy);
        Map<Invariant, ViolationTally> violationCopy = new EnumMap<>(Invariant.class);
        for (Invariant invariant : Invariant.values()) {
            violationCopy.put(invariant, violations.getOrDefault(invariant, ViolationTally.NONE));
        }
        violations = Collections.unmodifiableMap(violationCopy);
    }

    /** The same results with the held sessions' snapshot. */
    public RunResults withSessions(SessionResults held) {
        return new RunResults(endedAt, cutShort, started, succeeded, failed, vanished, failures, timeToContainer,
                timeToContainerByOrigin, steps, requests, violations, held);
    }

    @Override
    public Histogram timeToContainer() {
        return timeToContainer.copy();
    }

    @Override
    public Map<ContainerOrigin, Histogram> timeToContainerByOrigin() {
        return copies(ContainerOrigin.class, timeToContainerByOrigin);
    }

    @Override
    public Map<JourneyStep, Histogram> steps() {
        return copies(JourneyStep.class, steps);
    }

    private static <K extends Enum<K>> Map<K, Histogram> copies(Class<K> keys, Map<K, Histogram> histograms) {
        Map<K, Histogram> copy = new EnumMap<>(keys);
        for (K key : keys.getEnumConstants()) {
            Histogram histogram = histograms.get(key);
            copy.put(key, histogram == null ? new Histogram(JourneyLatencies.SIGNIFICANT_DIGITS) : histogram.copy());
        }
        return Collections.unmodifiableMap(copy);
    }
}
