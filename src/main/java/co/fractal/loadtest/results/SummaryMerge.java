package co.fractal.loadtest.results;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The figures of several shards' summaries as one run's: counts summed, every distribution from the sum of the
 * shards' HdrHistograms (exactly what one process recording every sample would report), requests by endpoint and
 * status summed, failures by step and reason summed (at most {@value FailureCounts#KINDS_KEPT} kinds, as a run
 * keeps), invariant violations summed with each shard's evidence, teardowns put together. What only the merge can
 * see across shards is added by the caller.
 */
public final class SummaryMerge {
    private SummaryMerge() {
    }

    /**
     * The merged results of the shards' summaries, by shard index, with the violations found across shards.
     * CLEAN_TEARDOWN is left to the merged teardown ({@link #teardown}), as a run's is.
     */
    public static RunResults results(Map<Integer, RunSummary> shards, Instant endedAt, boolean cutShort,
                                     Map<Invariant, ViolationTally> acrossShards) {
        long started = 0, succeeded = 0, failed = 0, vanished = 0;
        Histogram timeToContainer = histogram();
        Map<ContainerOrigin, Histogram> byOrigin = new EnumMap<>(ContainerOrigin.class);
        Map<JourneyStep, Histogram> steps = new EnumMap<>(JourneyStep.class);
        Map<String, Map<Integer, Long>> requests = new TreeMap<>();
        Map<Invariant, ViolationTally> violations = new EnumMap<>(Invariant.class);
        Map<List<String>, FailureTally> failures = new LinkedHashMap<>();
        for (Map.Entry<Integer, RunSummary> entry : shards.entrySet()) {
            RunSummary shard = entry.getValue();
            String label = "shard " + entry.getKey() + ": ";
            started += shard.journeys().started();
            succeeded += shard.journeys().succeeded();
            failed += shard.journeys().failed();
            vanished += shard.journeys().vanished();
            timeToContainer.add(shard.timeToContainer().overall().decode());
            for (ContainerOrigin origin : ContainerOrigin.values()) {
                Optional.ofNullable(shard.timeToContainer().byOrigin().get(origin.key())).ifPresent(d ->
                        byOrigin.computeIfAbsent(origin, o -> histogram()).add(d.decode()));
            }
            for (JourneyStep step : JourneyStep.values()) {
                Optional.ofNullable(shard.steps().get(step.key())).ifPresent(d ->
                        steps.computeIfAbsent(step, s -> histogram()).add(d.decode()));
            }
            shard.requests().forEach((endpoint, statuses) -> statuses.forEach((status, count) -> requests
                    .computeIfAbsent(endpoint, e -> new TreeMap<>()).merge(Integer.parseInt(status), count, Long::sum)));
            shard.journeys().failures().forEach(kind -> addFailure(failures, kind));
            for (InvariantOutcome outcome : shard.invariants()) {
                Invariant invariant = Invariant.valueOf(outcome.name());
                long count = outcome.count();
                if (invariant == Invariant.CLEAN_TEARDOWN) {
                    count -= shard.teardown().leftovers().size(); // those come back with the merged teardown
                }
                if (count > 0) {
                    violations.merge(invariant, new ViolationTally(count, outcome.evidence().stream()
                            .filter(line -> invariant != Invariant.CLEAN_TEARDOWN || !line.startsWith("left after teardown"))
                            .map(line -> label + line).toList()), ViolationTally::plus);
                }
            }
        }
        acrossShards.forEach((invariant, tally) -> violations.merge(invariant, tally, ViolationTally::plus));
        List<FailureTally> failureList = new ArrayList<>(failures.values());
        failureList.sort(FailureCounts.MOST_FREQUENT_FIRST);
        return new RunResults(endedAt, cutShort, started, succeeded, failed, vanished, failureList, timeToContainer,
                byOrigin, steps, requests, violations, null);
    }

    /** The shards' teardowns as one: deletions summed, what failed or was left named with its shard. */
    public static TeardownReport teardown(Map<Integer, RunSummary> shards) {
        Map<String, Integer> deleted = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<String> leftovers = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        boolean verified = true;
        for (Map.Entry<Integer, RunSummary> entry : shards.entrySet()) {
            TeardownReport teardown = entry.getValue().teardown();
            String label = "shard " + entry.getKey() + ": ";
            teardown.deleted().forEach((kind, n) -> deleted.merge(kind, n, Integer::sum));
            teardown.failures().forEach(f -> failures.add(label + f));
            teardown.leftovers().forEach(l -> leftovers.add(label + l));
            teardown.warnings().forEach(w -> warnings.add(label + w));
            verified &= teardown.verified();
        }
        return new TeardownReport(deleted, failures, leftovers, warnings, verified);
    }

    // the same (step, reason) from several shards is one kind; past the kinds a run keeps, "other reasons"
    private static void addFailure(Map<List<String>, FailureTally> failures, FailureKind kind) {
        Optional<JourneyStep> step = JourneyStep.ofKey(kind.step());
        String reason = kind.reason();
        List<String> key = List.of(String.valueOf(kind.step()), reason);
        if (!failures.containsKey(key) && failures.size() >= FailureCounts.KINDS_KEPT) {
            reason = FailureCounts.OTHER_REASONS;
            key = List.of(String.valueOf(kind.step()), reason);
        }
        String kindReason = reason;
        failures.merge(key, new FailureTally(step, kindReason, kind.count(), kind.example()),
                (a, b) -> new FailureTally(a.step(), a.reason(), a.count() + b.count(), a.example()));
    }

    private static Histogram histogram() {
        return new Histogram(JourneyLatencies.SIGNIFICANT_DIGITS);
    }
}
