package co.fractal.loadtest.results;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Collects every journey's outcome while the load runs, from many threads at once: counts, latency
 * histograms, failure reasons, requests by endpoint and status, and the invariants that can be checked
 * live (container exclusivity, journey accounting).
 * <p>
 * Memory stays constant per journey: counters and histograms (one set per recording thread) do not grow with
 * the number of journeys, and the only maps are the journeys open now, the containers held now, the endpoints
 * named, and a bounded set of failure reasons.
 * <p>
 * The simulation calls {@link #started} when a journey begins, {@link #request} for every HTTP answer,
 * {@link #acquired} when its task reads SUCCESS, {@link #released} after its release, {@link #finished}
 * exactly once at its end, and {@link #violated} for breaches it detects itself; the run calls
 * {@link #results} once the load is over.
 */
public final class JourneyRecorder {
    /** The failure reason of journeys still open when a cut-short run ended. */
    public static final String RUN_ENDED_FIRST = "run ended first";

    private final Clock clock;
    private final ConcurrentHashMap<String, Instant> open = new ConcurrentHashMap<>();
    private final LongAdder started = new LongAdder();
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final JourneyLatencies latencies = new JourneyLatencies();
    private final FailureCounts failures = new FailureCounts();
    private final RequestCounts requests = new RequestCounts();
    private final ContainerHoldings holdings = new ContainerHoldings();
    private final ConcurrentHashMap<Invariant, ViolationTally> violations = new ConcurrentHashMap<>();

    /** A recorder stamping evidence with the system clock (UTC). */
    public JourneyRecorder() {
        this(Clock.systemUTC());
    }

    /** A recorder stamping evidence with this clock. */
    public JourneyRecorder(Clock clock) {
        this.clock = clock;
    }

    /** A journey began; starting one that is still open is a JOURNEY_ACCOUNTING violation. */
    public void started(String journeyId) {
        started.increment();
        Instant now = clock.instant();
        Instant previous = open.put(journeyId, now);
        if (previous != null) {
            violated(new Violation(Invariant.JOURNEY_ACCOUNTING, "journey " + journeyId + " started again at " + now
                    + " while still open since " + previous));
        }
    }

    /**
     * A journey ended. When it was not open (never started, or ended already) this is a JOURNEY_ACCOUNTING
     * violation, returned and recorded, and the result is not counted again.
     */
    public Optional<Violation> finished(JourneyResult result) {
        if (open.remove(result.journeyId()) == null) {
            Violation violation = new Violation(Invariant.JOURNEY_ACCOUNTING, "journey " + result.journeyId()
                    + " ended (" + (result.succeeded() ? "success" : "failure") + ") at " + clock.instant()
                    + " but was not open: never started, or already ended (counted twice)");
            violated(violation);
            return Optional.of(violation);
        }
        if (result.succeeded()) {
            succeeded.increment();
        } else {
            failed.increment();
            failures.add(result.failure().get());
        }
        latencies.record(result);
        return Optional.empty();
    }

    /**
     * A journey's task reached SUCCESS with this container ({@code hostAndPort} as "ip:port"); an
     * EXCLUSIVE_CONTAINERS violation, returned and recorded, when another journey holds the same container
     * id or the same host:port.
     */
    public Optional<Violation> acquired(String journeyId, String containerId, String hostAndPort) {
        Optional<Violation> violation = holdings.acquire(journeyId, containerId, hostAndPort, clock.instant());
        violation.ifPresent(this::violated);
        return violation;
    }

    /** A journey released its container; only what this journey holds is freed. */
    public void released(String journeyId, String containerId, String hostAndPort) {
        holdings.release(journeyId, containerId, hostAndPort);
    }

    /** A violation seen elsewhere (e.g. a task status going backwards). */
    public void violated(Violation violation) {
        violations.merge(violation.invariant(), ViolationTally.of(violation.evidence()), ViolationTally::plus);
    }

    /** Journeys started so far. */
    public long startedCount() {
        return started.sum();
    }

    /** Journeys started and not ended yet. */
    public int openCount() {
        return open.size();
    }

    /**
     * One HTTP answer, by endpoint name (one of a fixed set, e.g. "assign"); status 0 when no answer came.
     *
     * @throws IllegalArgumentException for a status outside 0–999
     */
    public void request(String endpoint, int status) {
        requests.add(endpoint, status);
    }

    /**
     * Everything recorded so far. Journeys still open are vanished (a JOURNEY_ACCOUNTING violation each) or,
     * when the run was cut short by its maximum duration, failures with reason {@value #RUN_ENDED_FIRST}.
     * The recorder itself is not changed: later calls see later data.
     */
    public RunResults results(Instant endedAt, boolean cutShort) {
        List<Map.Entry<String, Instant>> stillOpen = new ArrayList<>(open.entrySet());
        stillOpen.sort(Map.Entry.comparingByValue());
        long unfinished = stillOpen.size();
        List<String> evidence = new ArrayList<>();
        for (Map.Entry<String, Instant> journey : stillOpen.subList(0, (int) Math.min(unfinished, ViolationTally.EVIDENCE_KEPT))) {
            evidence.add("journey " + journey.getKey() + " started at " + journey.getValue() + " had not ended at " + endedAt);
        }

        List<FailureTally> failureList = failures.snapshot();
        Map<Invariant, ViolationTally> violationMap = new EnumMap<>(Invariant.class);
        violationMap.putAll(violations);
        if (unfinished > 0 && cutShort) {
            failureList.add(new FailureTally(Optional.empty(), RUN_ENDED_FIRST, unfinished, evidence.get(0)));
            failureList.sort(FailureCounts.MOST_FREQUENT_FIRST);
        } else if (unfinished > 0) {
            violationMap.merge(Invariant.JOURNEY_ACCOUNTING, new ViolationTally(unfinished, evidence.stream()
                    .map(line -> line + " (vanished: neither success nor a recorded failure)").toList()), ViolationTally::plus);
        }

        JourneyLatencies.Snapshot times = latencies.snapshot();
        return new RunResults(endedAt, cutShort, started.sum(), succeeded.sum(), failed.sum() + (cutShort ? unfinished : 0),
                cutShort ? 0 : unfinished, failureList, times.timeToContainer(), times.byOrigin(), times.steps(),
                requests.snapshot(), violationMap, null);
    }
}
