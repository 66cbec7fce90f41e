package co.fractal.loadtest.results;

import co.fractal.loadtest.config.NotificationSettings;
import co.fractal.loadtest.config.ResultsSettings;
import co.fractal.loadtest.generator.GeneratorReport;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of a run, in one call: compare with the baseline, write summary.json and summary.md (and
 * {@code latest}), append summary.md to GitHub's job summary when there is one, and print the verdict.
 */
public final class RunReport {
    private static final Logger LOG = LoggerFactory.getLogger(RunReport.class);
    private static final int FAILURE_KINDS_SHOWN = 3;

    private RunReport() {
    }

    /**
     * Publishes the run's summary and prints its verdict on standard output; call once, after the load and
     * the teardown. A bad baseline is reported in the summary, not thrown.
     *
     * @return the summary written, with its verdict
     * @throws UncheckedIOException naming the path when the summary files cannot be written
     */
    public static RunSummary publish(ResultsSettings results, NotificationSettings notifications, RunInfo info,
                                     RunResults runResults, TeardownReport teardown) {
        return publish(results, notifications, info, runResults, teardown, null, System.out);
    }

    /** The same, with the load generator's health over the run. */
    public static RunSummary publish(ResultsSettings results, NotificationSettings notifications, RunInfo info,
                                     RunResults runResults, TeardownReport teardown, GeneratorReport generator) {
        return publish(results, notifications, info, runResults, teardown, generator, System.out);
    }

    static RunSummary publish(ResultsSettings results, NotificationSettings notifications, RunInfo info,
                              RunResults runResults, TeardownReport teardown, PrintStream console) {
        return publish(results, notifications, info, runResults, teardown, null, console);
    }

    static RunSummary publish(ResultsSettings results, NotificationSettings notifications, RunInfo info,
                              RunResults runResults, TeardownReport teardown, GeneratorReport generator, PrintStream console) {
        RunSummary draft = RunSummary.of(info, runResults, teardown, generator);
        RunSummary summary = draft.withBaseline(compare(results, draft));
        SummaryFiles.Written written = SummaryFiles.write(results, summary);
        notifications.stepSummary().ifPresent(stepSummary -> {
            try {
                SummaryFiles.appendToStepSummary(written, stepSummary);
            } catch (UncheckedIOException e) {
                LOG.warn("No job summary: {}", e.getMessage());
            }
        });
        console.println("Load test " + Headline.of(summary));
        summary.verdict().reasons().forEach(reason -> console.println("  ✗ " + reason));
        summary.journeys().failures().stream().limit(FAILURE_KINDS_SHOWN).forEach(kind -> console.println("    " + kind.count()
                + "× " + kind.stepLabel() + ": " + kind.reason() + " (e.g. " + Excerpt.of(kind.example(), 160) + ")"));
        summary.verdict().caveats().forEach(caveat -> console.println("  ! " + caveat));
        if (generator != null) {
            console.println("  generator: " + (generator.saturated() ? "saturated from " + generator.saturatedFrom()
                    : "not saturated") + " · " + generator.peaksLine());
        }
        console.println("  baseline: " + summary.baseline().message());
        console.println("  summary: " + written.markdown() + " (and " + SummaryFiles.JSON + ")");
        return summary;
    }

    private static BaselineComparison compare(ResultsSettings settings, RunSummary current) {
        try {
            return Baseline.find(settings, current.run())
                    .map(baseline -> BaselineComparison.of(baseline, current, settings))
                    .orElseGet(() -> BaselineComparison.none(settings.enforceBaseline(), "no baseline: no earlier run of "
                            + current.run().target() + " · " + current.run().profile() + " in " + settings.dir()
                            + " (set -Dbaseline=<summary.json> to choose one)"));
        } catch (UnreadableSummaryException e) {
            return BaselineComparison.unreadable(settings.baseline().map(Object::toString).orElse(null),
                    settings.enforceBaseline(), e.getMessage());
        }
    }
}
