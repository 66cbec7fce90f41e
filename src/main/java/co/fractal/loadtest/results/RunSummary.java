package co.fractal.loadtest.results;

import co.fractal.loadtest.generator.GeneratorReport;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything engineers act on after a run, as written to summary.json (field by field in
 * README.md, "summary.json fields") and rendered to summary.md.
 *
 * @param schema          the version of this layout, {@value #SCHEMA}
 * @param run             what the run was
 * @param verdict         passed, and the reasons it failed
 * @param journeys        how the journeys ended, failures by step and reason
 * @param timeToContainer the time to container, overall and by origin
 * @param steps           the time each step took, keyed assign, hostWait, tokenHandover, taskWait, release
 * @param requests        HTTP answers: endpoint → status ("0" = no answer) → count
 * @param invariants      every invariant: ok, violated or unverified
 * @param teardown        what the teardown did
 * @param baseline        the comparison with an earlier run
 * @param sessions        the held sessions; absent when the run held none ({@code session.length=0})
 * @param shards          how a merged run was spread over its shards; null (absent) for a run of one process
 * @param generator       the load generator's health over the run (a merged run: the shard that saturated first, absent
 *                        when none did); null when it was not watched
 */
public record RunSummary(int schema, RunInfo run, Verdict verdict, JourneyCounts journeys,
                         TimeToContainer timeToContainer, Map<String, LatencyDistribution> steps,
                         Map<String, Map<String, Long>> requests, List<InvariantOutcome> invariants,
                         TeardownReport teardown, BaselineComparison baseline,
                         @JsonInclude(JsonInclude.Include.NON_NULL) SessionSummary sessions,
                         @JsonInclude(JsonInclude.Include.NON_NULL) ShardsSummary shards,
                         GeneratorReport generator) {
    /** The version of the summary.json layout; raised when a field changes meaning or goes away. */
    public static final int SCHEMA = 1;

    public RunSummary {
        steps = Collections.unmodifiableMap(new LinkedHashMap<>(steps));
        requests = Collections.unmodifiableMap(new LinkedHashMap<>(requests));
        invariants = List.copyOf(invariants);
    }

    /** The summary of a run whose generator was not watched, not yet compared with a baseline. */
    public static RunSummary of(RunInfo info, RunResults results, TeardownReport teardown) {
        return of(info, results, teardown, null);
    }

    /** The summary of a run, not yet compared with a baseline. */
    public static RunSummary of(RunInfo info, RunResults results, TeardownReport teardown, GeneratorReport generator) {
        return of(info, results, teardown, results.sessions() == null ? null
                : SessionSummary.of(results.sessions(), results.requests(), results.timeToContainerByOrigin()), generator);
    }

    /**
     * The summary of a run whose held sessions are already summed up (a merged run's; null without sessions), not yet
     * compared with a baseline.
     */
    public static RunSummary of(RunInfo info, RunResults results, TeardownReport teardown, SessionSummary sessions,
                                GeneratorReport generator) {
        Map<String, LatencyDistribution> steps = new LinkedHashMap<>();
        results.steps().forEach((step, histogram) -> steps.put(step.key(), LatencyDistribution.of(histogram)));
        Map<String, Map<String, Long>> requests = new LinkedHashMap<>();
        results.requests().forEach((endpoint, statuses) -> {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            statuses.forEach((status, count) -> byStatus.put(Integer.toString(status), count));
            requests.put(endpoint, byStatus);
        });
        TeardownReport sortedTeardown = new TeardownReport(new TreeMap<>(teardown.deleted()), teardown.failures(),
                teardown.leftovers(), teardown.warnings(), teardown.verified());
        return new RunSummary(SCHEMA, info, null, JourneyCounts.of(results),
                TimeToContainer.of(results), steps, requests, InvariantOutcome.of(results, teardown, sessions != null),
                sortedTeardown, null, sessions, null, generator)
                .withBaseline(BaselineComparison.none(false, "no baseline compared"));
    }

    /** This summary with a baseline comparison, and the verdict that follows from it. */
    public RunSummary withBaseline(BaselineComparison comparison) {
        return new RunSummary(schema, run, Verdict.of(run, journeys, sessions, invariants, teardown, comparison, shards, generator),
                journeys, timeToContainer, steps, requests, invariants, teardown, comparison, sessions, shards, generator);
    }

    /** This (merged) summary with how the run was spread over its shards, and the verdict that follows. */
    public RunSummary withShards(ShardsSummary spread) {
        return new RunSummary(schema, run, Verdict.of(run, journeys, sessions, invariants, teardown, baseline, spread, generator),
                journeys, timeToContainer, steps, requests, invariants, teardown, baseline, sessions, spread, generator);
    }

    /** How many invariant violations were seen, over all invariants. */
    public long invariantViolations() {
        return invariants.stream().mapToLong(InvariantOutcome::count).sum();
    }

    /** The invariants that could not be checked. */
    public List<String> unverifiedInvariants() {
        return invariants.stream().filter(i -> i.status() == InvariantOutcome.Status.UNVERIFIED)
                .map(InvariantOutcome::name).toList();
    }
}
