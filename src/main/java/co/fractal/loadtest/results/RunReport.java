package co.fractal.loadtest.results;

import co.fractal.loadtest.config.NotificationSettings;
import co.fractal.loadtest.config.ResultsSettings;
import co.fractal.loadtest.generator.GeneratorReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of a run, in one call: compare with the baseline, write summary.json, summary.md and report.html (and
 * {@code latest}), append summary.md to GitHub's job summary when there is one, and print the verdict. A shard of
 * a run publishes its own part in its folder, without a baseline: the merge judges the run.
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
        return publish(results, notifications, RunSummary.of(info, runResults, teardown, generator), console);
    }

    /**
     * Publishes a run's summary built elsewhere (a merged run's), as {@link #publish(ResultsSettings,
     * NotificationSettings, RunInfo, RunResults, TeardownReport)} does.
     */
    public static RunSummary publish(ResultsSettings results, NotificationSettings notifications, RunSummary draft,
                                     PrintStream console) {
        RunSummary summary = draft.withBaseline(compare(results, draft));
        SummaryFiles.Written written = SummaryFiles.write(results, summary);
        appendToStepSummary(notifications, written);
        print(summary, "Load test ", console);
        console.println("  baseline: " + summary.baseline().message());
        printFiles(written, console);
        return summary;
    }

    /**
     * Publishes one shard's part of a run in its folder: its summary, not compared with a baseline (the merged run
     * is), and how to merge.
     *
     * @param label e.g. "shard 1/3 of run 20261206-070000-0a1b"
     */
    public static RunSummary publishShard(Path shardDir, NotificationSettings notifications, RunInfo info,
                                          RunResults runResults, TeardownReport teardown, GeneratorReport generator,
                                          String label, String mergeHint, PrintStream console) {
        RunSummary summary = RunSummary.of(info, runResults, teardown, generator).withBaseline(BaselineComparison.none(false,
                label + ": the merged run is compared with its baseline"));
        SummaryFiles.Written written = SummaryFiles.writeIn(shardDir, summary);
        appendToStepSummary(notifications, written);
        print(summary, "Load test " + label + " ", console);
        printFiles(written, console);
        console.println("  merge: " + mergeHint);
        return summary;
    }

    private static void appendToStepSummary(NotificationSettings notifications, SummaryFiles.Written written) {
        notifications.stepSummary().ifPresent(stepSummary -> {
            try {
                SummaryFiles.appendToStepSummary(written, stepSummary);
            } catch (UncheckedIOException e) {
                LOG.warn("No job summary: {}", e.getMessage());
            }
        });
    }

    private static void print(RunSummary summary, String prefix, PrintStream console) {
        console.println(prefix + Headline.of(summary));
        summary.verdict().reasons().forEach(reason -> console.println("  ✗ " + reason));
        summary.journeys().failures().stream().limit(FAILURE_KINDS_SHOWN).forEach(kind -> console.println("    " + kind.count()
                + "× " + kind.stepLabel() + ": " + kind.reason() + " (e.g. " + Excerpt.of(kind.example(), 160) + ")"));
        summary.verdict().caveats().forEach(caveat -> console.println("  ! " + caveat));
        GeneratorReport generator = summary.generator();
        if (generator != null) {
            console.println("  generator: " + (generator.saturated() ? "saturated from " + generator.saturatedFrom()
                    : "not saturated") + " · " + generator.peaksLine());
        }
    }

    private static void printFiles(SummaryFiles.Written written, PrintStream console) {
        console.println("  summary: " + written.markdown() + " (and " + SummaryFiles.JSON + ")");
        console.println("  report: " + written.html().toAbsolutePath().toUri());
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
