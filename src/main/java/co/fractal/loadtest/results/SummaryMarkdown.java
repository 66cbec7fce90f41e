package co.fractal.loadtest.results;

import co.fractal.loadtest.generator.GeneratorReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * summary.md: the run summary short enough to paste in a chat — headline, one latency table, the top
 * failures, invariants, teardown, baseline and where the Gatling report is.
 */
public final class SummaryMarkdown {
    static final int FAILURES_SHOWN = 5;
    static final int EVIDENCE_SHOWN = 3;
    private static final int CELL_CHARS = 120;

    private SummaryMarkdown() {
    }

    /** The Markdown text of a summary. */
    public static String render(RunSummary summary) {
        List<String> lines = new ArrayList<>();
        RunInfo run = summary.run();
        lines.add("### " + (summary.verdict().passed() ? "✅" : "❌") + " Load test " + Headline.verdictWord(summary)
                + " — " + run.target() + " · " + run.profile());
        lines.add("");
        lines.add("**" + summary.journeys().succeeded() + "/" + summary.journeys().started() + " journeys ok** ("
                + Figures.percent(summary.journeys().successPercent()) + ", minimum "
                + Figures.number(run.minSuccessPercent()) + " %) · " + Headline.timeToContainer(summary));
        verdict(summary.verdict(), lines);
        lines.add("");
        latencyTable(summary, lines);
        if (!summary.requests().isEmpty()) {
            lines.add("");
            lines.add("**Requests** (status×count, 0 = no answer): " + requests(summary.requests()));
        }
        failures(summary.journeys(), lines);
        invariants(summary.invariants(), lines);
        teardown(summary.teardown(), lines);
        generator(summary.generator(), lines);
        baseline(summary.baseline(), lines);
        lines.add("");
        lines.add("Run `" + run.id() + "` against " + run.targetUrl() + ", " + run.users() + " users at "
                + Figures.number(run.spawnRate()) + "/s, " + run.startedAt() + " → " + run.endedAt()
                + (run.cutShort() ? " (cut short)" : "") + " · Gatling report: "
                + (run.gatlingReport() == null ? "not known" : "`" + run.gatlingReport() + "`"));
        return String.join("\n", lines) + "\n";
    }

    private static void verdict(Verdict verdict, List<String> lines) {
        if (verdict.reasons().isEmpty() && verdict.caveats().isEmpty()) {
            return;
        }
        lines.add("");
        verdict.reasons().forEach(reason -> lines.add("- ❌ " + reason));
        verdict.caveats().forEach(caveat -> lines.add("- ⚠️ " + caveat));
    }

    private static void latencyTable(RunSummary summary, List<String> lines) {
        lines.add("| | n | p50 | p90 | p95 | p99 | max |");
        lines.add("|---|--:|--:|--:|--:|--:|--:|");
        lines.add(row("time to container", summary.timeToContainer().overall()));
        for (ContainerOrigin origin : ContainerOrigin.values()) {
            LatencyDistribution distribution = summary.timeToContainer().byOrigin().get(origin.key());
            if (distribution != null && distribution.count() > 0) {
                lines.add(row("↳ " + origin.label(), distribution));
            }
        }
        for (JourneyStep step : JourneyStep.values()) {
            LatencyDistribution distribution = summary.steps().get(step.key());
            if (distribution != null && distribution.count() > 0) {
                lines.add(row(step.label(), distribution));
            }
        }
    }

    private static String row(String name, LatencyDistribution d) {
        return "| " + name + " | " + d.count() + " | " + Figures.millis(d.p50Ms()) + " | " + Figures.millis(d.p90Ms())
                + " | " + Figures.millis(d.p95Ms()) + " | " + Figures.millis(d.p99Ms()) + " | " + Figures.millis(d.maxMs())
                + " |";
    }

    private static void failures(JourneyCounts journeys, List<String> lines) {
        if (journeys.failures().isEmpty()) {
            return;
        }
        long failed = journeys.failures().stream().mapToLong(FailureKind::count).sum();
        lines.add("");
        lines.add("**Failures** — " + Figures.count(failed, "journey") + ", "
                + Figures.count(journeys.failures().size(), "kind")
                + (journeys.failures().size() > FAILURES_SHOWN ? ", top " + FAILURES_SHOWN : "") + ":");
        lines.add("");
        lines.add("| n | step | reason | example |");
        lines.add("|--:|---|---|---|");
        journeys.failures().stream().limit(FAILURES_SHOWN).forEach(kind -> lines.add("| " + kind.count() + " | "
                + kind.stepLabel() + " | " + cell(kind.reason()) + " | " + cell(kind.example()) + " |"));
    }

    private static void invariants(List<InvariantOutcome> invariants, List<String> lines) {
        lines.add("");
        lines.add("**Invariants**: " + invariants.stream().map(i -> switch (i.status()) {
            case OK -> "✅ " + i.name();
            case VIOLATED -> "❌ " + i.name() + " ×" + i.count();
            case UNVERIFIED -> "⚠️ " + i.name() + " unverified";
        }).collect(Collectors.joining(" · ")));
        for (InvariantOutcome invariant : invariants) {
            if (invariant.status() == InvariantOutcome.Status.VIOLATED) {
                invariant.evidence().stream().limit(EVIDENCE_SHOWN)
                        .forEach(line -> lines.add("- " + invariant.name() + ": " + Excerpt.of(line, 300)));
            }
        }
    }

    private static void teardown(TeardownReport teardown, List<String> lines) {
        String deleted = teardown.deleted().isEmpty() ? "nothing deleted" : "deleted " + teardown.deleted().entrySet()
                .stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
        lines.add("");
        lines.add("**Teardown**: " + (teardown.clean() ? "clean" : "NOT clean") + (teardown.verified() ? "" : " (unverified)")
                + " · " + deleted + " · " + Figures.count(teardown.failures().size(), "failure") + " · "
                + Figures.count(teardown.leftovers().size(), "leftover"));
        teardown.failures().stream().limit(EVIDENCE_SHOWN).forEach(f -> lines.add("- failed: " + Excerpt.of(f, 300)));
        teardown.leftovers().stream().limit(EVIDENCE_SHOWN).forEach(l -> lines.add("- left: " + Excerpt.of(l, 300)));
        teardown.warnings().forEach(w -> lines.add("- warning: " + Excerpt.of(w, 300)));
    }

    private static void generator(GeneratorReport generator, List<String> lines) {
        if (generator == null) {
            return;
        }
        lines.add("");
        lines.add("**Load generator**: " + (generator.saturated() ? (generator.enforced() ? "❌ " : "⚠️ ") + "saturated from "
                + generator.saturatedFrom() : "✅ not saturated") + " · " + generator.peaksLine());
        generator.finding().ifPresent(finding -> lines.add("- " + finding));
        generator.stopFinding().ifPresent(finding -> lines.add("- " + finding));
    }

    private static void baseline(BaselineComparison baseline, List<String> lines) {
        lines.add("");
        lines.add("**Baseline**: " + baseline.message());
        for (BaselineDelta delta : baseline.deltas()) {
            lines.add("- " + (delta.regressed() ? "❌ " : "") + delta.describe());
        }
    }

    private static String cell(String text) {
        return Excerpt.of(text, CELL_CHARS).replace("|", "\\|");
    }

    private static String requests(Map<String, Map<String, Long>> requests) {
        return requests.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().entrySet().stream()
                .map(s -> s.getKey() + "×" + s.getValue()).collect(Collectors.joining(" ")))
                .collect(Collectors.joining(" · "));
    }
}
