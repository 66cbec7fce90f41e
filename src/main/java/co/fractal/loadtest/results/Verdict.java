package co.fractal.loadtest.results;

import co.fractal.loadtest.generator.GeneratorReport;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether the run passed, and why not.
 *
 * @param passed  true when there is no reason to fail
 * @param reasons why it failed: success below the minimum, an invariant violated, teardown failures, a saturated
 *                load generator (unless {@code -Dgenerator.saturation=warn}), a load stopped by saturation, an
 *                enforced baseline regression (or an enforced baseline that could not be read)
 * @param caveats what a reader should know although it does not fail the run: an invariant left unverified,
 *                a run cut short, a saturated generator with {@code -Dgenerator.saturation=warn}, a regression not
 *                enforced, an unreadable baseline not enforced
 */
public record Verdict(boolean passed, List<String> reasons, List<String> caveats) {

    public Verdict {
        reasons = List.copyOf(reasons);
        caveats = List.copyOf(caveats);
    }

    static Verdict of(RunInfo run, JourneyCounts journeys, SessionSummary sessions, List<InvariantOutcome> invariants,
                      TeardownReport teardown, BaselineComparison baseline, ShardsSummary shards, GeneratorReport generator) {
        List<String> reasons = new ArrayList<>();
        List<String> caveats = new ArrayList<>();
        if (journeys.started() == 0) {
            reasons.add("no journey started");
        } else if (journeys.succeeded() * 100.0 < run.minSuccessPercent() * journeys.started()) {
            reasons.add("success " + Figures.percent(journeys.successPercent()) + " (" + journeys.succeeded() + "/"
                    + journeys.started() + ") is below the minimum " + Figures.number(run.minSuccessPercent()) + " %");
        }
        if (sessions != null && sessions.succeeded() * 100.0 < run.minSuccessPercent() * sessions.started()) {
            reasons.add("sessions " + Figures.percent(sessions.successPercent()) + " ended as they should (" + sessions.succeeded()
                    + "/" + sessions.started() + "), below the minimum " + Figures.number(run.minSuccessPercent()) + " %");
        }
        for (InvariantOutcome invariant : invariants) {
            if (invariant.status() == InvariantOutcome.Status.VIOLATED) {
                reasons.add(invariant.name() + " violated " + invariant.count() + "×: "
                        + Excerpt.of(invariant.evidence().get(0), 200));
            } else if (invariant.status() == InvariantOutcome.Status.UNVERIFIED) {
                caveats.add(invariant.name() + " unverified (not a pass): " + String.join("; ", invariant.evidence()));
            }
        }
        if (!teardown.failures().isEmpty()) {
            reasons.add("teardown not clean: " + Figures.count(teardown.failures().size(), "deletion") + " failed, e.g. "
                    + Excerpt.of(teardown.failures().get(0), 200));
        }
        if (generator != null) {
            generator.finding().ifPresent((generator.enforced() ? reasons : caveats)::add);
            generator.stopFinding().ifPresent(reasons::add);
        }
        if (run.cutShort()) {
            caveats.add("the run was cut short (maximum duration reached, or the process was stopped): journeys still open were counted as failures ("
                    + JourneyRecorder.RUN_ENDED_FIRST + ")");
        }
        if (shards != null) {
            caveats.addAll(shards.caveats());
        }
        List<String> baselineFindings = new ArrayList<>();
        baseline.regressions().forEach(delta -> baselineFindings.add("regressed against run " + baseline.runId() + ": "
                + delta.describe()));
        if (baseline.status() == BaselineComparison.Status.UNREADABLE) {
            baselineFindings.add("baseline unreadable: " + baseline.message());
        }
        (baseline.enforced() ? reasons : caveats).addAll(baselineFindings);
        return new Verdict(reasons.isEmpty(), reasons, caveats);
    }
}
