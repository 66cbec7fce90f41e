package co.fractal.loadtest.results;

/** The one line that says how a run went, the same on the console, in summary.md and in Slack. */
final class Headline {
    private Headline() {
    }

    /** E.g. "PASSED — staging · weekly · 10/10 journeys ok · time to container p50 4.21 s · p95 6.80 s · p99 7.10 s". */
    static String of(RunSummary summary) {
        return verdictWord(summary) + " — " + summary.run().target() + " · " + summary.run().profile() + " · "
                + summary.journeys().succeeded() + "/" + summary.journeys().started() + " journeys ok · "
                + timeToContainer(summary);
    }

    /** PASSED, PASSED (unverified: CLEAN_TEARDOWN), or FAILED. */
    static String verdictWord(RunSummary summary) {
        if (!summary.verdict().passed()) {
            return "FAILED";
        }
        return summary.unverifiedInvariants().isEmpty() ? "PASSED"
                : "PASSED (unverified: " + String.join(", ", summary.unverifiedInvariants()) + ")";
    }

    static String timeToContainer(RunSummary summary) {
        LatencyDistribution ttc = summary.timeToContainer().overall();
        if (ttc.count() == 0) {
            return "no container acquired";
        }
        return "time to container p50 " + Figures.millis(ttc.p50Ms()) + " · p95 " + Figures.millis(ttc.p95Ms())
                + " · p99 " + Figures.millis(ttc.p99Ms());
    }
}
