package co.fractal.loadtest.results;

import java.util.Locale;

/**
 * One figure of this run against the baseline.
 *
 * @param metric    successPercent, or timeToContainer.p50Ms / p90Ms / p95Ms / p99Ms
 * @param before    the baseline's value
 * @param after     this run's value
 * @param change    after − before in percentage points for successPercent; the growth in percent of before
 *                  for latencies
 * @param unit      "points" or "percent": the unit of change and tolerance
 * @param tolerance how far the figure may move the wrong way before it counts as a regression
 * @param regressed true when it moved the wrong way by more than the tolerance
 */
public record BaselineDelta(String metric, double before, double after, double change, String unit, double tolerance,
                            boolean regressed) {
    static final String SUCCESS = "successPercent";
    static final String POINTS = "points";
    static final String PERCENT = "percent";

    /** A success rate that drops by more than {@code tolerancePoints} regressed. */
    static BaselineDelta success(double before, double after, double tolerancePoints) {
        double change = round(after - before);
        return new BaselineDelta(SUCCESS, before, after, change, POINTS, tolerancePoints, -change > tolerancePoints);
    }

    /** A time-to-container percentile that grows by more than {@code tolerancePercent} regressed. */
    static BaselineDelta latency(String percentile, double beforeMs, double afterMs, double tolerancePercent) {
        double growth = round((afterMs - beforeMs) * 100 / beforeMs);
        return new BaselineDelta("timeToContainer." + percentile + "Ms", beforeMs, afterMs, growth, PERCENT,
                tolerancePercent, growth > tolerancePercent);
    }

    /** E.g. "time to container p95 4.20 s → 6.10 s (+45.2 %, tolerance 25 %)". */
    String describe() {
        String tolerated = ", tolerance " + Figures.number(tolerance) + (unit.equals(POINTS) ? " points)" : " %)");
        if (metric.equals(SUCCESS)) {
            return "success " + Figures.percent(before) + " → " + Figures.percent(after) + " ("
                    + String.format(Locale.ROOT, "%+.2f points", change) + tolerated;
        }
        String percentile = metric.substring(metric.indexOf('.') + 1, metric.length() - 2);
        return "time to container " + percentile + " " + Figures.millis(before) + " → " + Figures.millis(after) + " ("
                + String.format(Locale.ROOT, "%+.1f %%", change) + tolerated;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
