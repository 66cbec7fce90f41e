package co.fractal.loadtest.results;

import co.fractal.loadtest.config.ResultsSettings;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * This run against a baseline run: the success rate and the time-to-container percentiles p50–p99, each
 * with a tolerance.
 *
 * @param status   compared, none (no baseline found), or unreadable (the baseline file could not be used)
 * @param source   "-Dbaseline" when given, "previous run" when found in the results directory; null for none
 * @param path     the baseline summary.json, or null for none
 * @param runId    the baseline's run id, or null
 * @param enforced true when a regression (or an unreadable given baseline) fails the run
 * @param message  one sentence saying what was compared and what came out
 * @param deltas   every figure compared, regressed or not
 */
public record BaselineComparison(Status status, String source, String path, String runId, boolean enforced,
                                 String message, List<BaselineDelta> deltas) {

    /** Whether a comparison happened. */
    public enum Status {
        @JsonProperty("compared") COMPARED,
        @JsonProperty("none") NONE,
        @JsonProperty("unreadable") UNREADABLE
    }

    private static final List<String> PERCENTILES = List.of("p50", "p90", "p95", "p99");

    public BaselineComparison {
        deltas = List.copyOf(deltas);
    }

    /** Nothing to compare with. */
    static BaselineComparison none(boolean enforced, String message) {
        return new BaselineComparison(Status.NONE, null, null, null, enforced, message, List.of());
    }

    /** The baseline file could not be used; {@code problem} names the file. */
    static BaselineComparison unreadable(String path, boolean enforced, String problem) {
        return new BaselineComparison(Status.UNREADABLE, "-Dbaseline", path, null, enforced, problem, List.of());
    }

    /** This run's figures against the baseline's, with the settings' tolerances. */
    static BaselineComparison of(Baseline baseline, RunSummary current, ResultsSettings settings) {
        RunSummary before = baseline.summary();
        List<BaselineDelta> deltas = new ArrayList<>();
        deltas.add(BaselineDelta.success(before.journeys().successPercent(), current.journeys().successPercent(),
                settings.successTolerancePoints()));
        LatencyDistribution was = before.timeToContainer().overall();
        LatencyDistribution is = current.timeToContainer().overall();
        for (String percentile : PERCENTILES) {
            Double beforeMs = percentile(was, percentile);
            Double afterMs = percentile(is, percentile);
            if (beforeMs != null && afterMs != null && beforeMs > 0) {
                deltas.add(BaselineDelta.latency(percentile, beforeMs, afterMs, settings.latencyTolerancePercent()));
            }
        }
        List<BaselineDelta> regressions = deltas.stream().filter(BaselineDelta::regressed).toList();
        String message = "compared with run " + before.run().id() + " (" + baseline.source() + ", "
                + before.run().target() + " · " + before.run().profile() + "): "
                + (regressions.isEmpty() ? "no regression beyond tolerance"
                : Figures.count(regressions.size(), "regression") + " beyond tolerance"
                + (settings.enforceBaseline() ? "" : " (not enforced)"));
        if (!before.run().target().equals(current.run().target()) || !before.run().profile().equals(current.run().profile())) {
            message += "; note: this run is " + current.run().target() + " · " + current.run().profile();
        }
        return new BaselineComparison(Status.COMPARED, baseline.source(), baseline.path().toString(), before.run().id(),
                settings.enforceBaseline(), message, deltas);
    }

    /** The figures that regressed beyond their tolerance. */
    public List<BaselineDelta> regressions() {
        return deltas.stream().filter(BaselineDelta::regressed).toList();
    }

    private static Double percentile(LatencyDistribution distribution, String percentile) {
        Function<LatencyDistribution, Double> value = switch (percentile) {
            case "p50" -> LatencyDistribution::p50Ms;
            case "p90" -> LatencyDistribution::p90Ms;
            case "p95" -> LatencyDistribution::p95Ms;
            default -> LatencyDistribution::p99Ms;
        };
        return distribution == null ? null : value.apply(distribution);
    }
}
