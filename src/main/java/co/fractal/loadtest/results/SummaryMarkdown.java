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
        if (summary.sessions() != null) {
            sessions(summary.sessions(), lines);
        }
        invariants(summary.invariants(), lines);
        teardown(summary.teardown(), lines);
        generator(summary.generator(), lines);
        baseline(summary.baseline(), lines);
        shards(summary.shards(), lines);
        lines.add("");
        lines.add("Run `" + run.id() + "` against " + run.targetUrl() + ", " + run.users() + " users at "
                + Figures.number(run.spawnRate()) + "/s, " + run.startedAt() + " → " + run.endedAt()
                + (run.cutShort() ? " (cut short)" : "") + " · charts: [" + SummaryFiles.HTML + "](" + SummaryFiles.HTML
                + ") · Gatling report: " + (run.gatlingReport() != null ? "`" + run.gatlingReport() + "`"
                : summary.shards() != null ? "one per shard (see each shard's summary)" : "not known"));
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

    private static void sessions(SessionSummary sessions, List<String> lines) {
        lines.add("");
        lines.add("**Sessions** — " + sessions.started() + " held (length " + sessions.length() + ", pings every "
                + sessions.pingInterval() + "): " + sessions.succeeded() + " ended as they should, " + sessions.failed()
                + " failed, " + sessions.unfinished() + " unfinished · containers: " + sessions.containers().get("gone")
                + " gone, " + sessions.containers().get("stillThere") + " still there, " + sessions.containers().get("unjudged")
                + " unjudged (a silent death no assign followed) · " + sessions.pings() + " pings, " + sessions.probes()
                + " probes" + (sessions.hosts().count() == 0 ? "" : " · hosts " + sessions.hosts().count() + ": "
                + sessions.hosts().authenticated() + " authenticated, " + sessions.hosts().heartbeats() + " heartbeats, "
                + sessions.hosts().dyingBeats() + " dying beats"));
        SessionSummary.Pool pool = sessions.pool();
        java.util.DoubleSummaryStatistics p95 = pool.timeline().stream().filter(p -> p.p95Ms() != null)
                .mapToDouble(PoolTimeline.Point::p95Ms).summaryStatistics();
        java.util.LongSummaryStatistics free = pool.timeline().stream().filter(p -> p.poolSize() != null)
                .mapToLong(PoolTimeline.Point::poolSize).summaryStatistics();
        lines.add("");
        lines.add("**Pool under churn**: " + (pool.prewarmedPercent() == null ? "no container's origin known"
                : Figures.number(pool.prewarmedPercent()) + " % of containers came prewarmed")
                + (p95.getCount() == 0 ? "" : " · time to container p95 per " + pool.pointSeconds() + " s from "
                + Figures.millis(p95.getMin()) + " to " + Figures.millis(p95.getMax()))
                + (free.getCount() == 0 ? "" : " · free prewarmed containers " + free.getMin() + "–" + free.getMax())
                + " (timeline: `sessions.pool.timeline` in summary.json)");
        lines.add("");
        lines.add("| ending | started | ok | failed | unfinished | container gone p50 | p95 | max |");
        lines.add("|---|--:|--:|--:|--:|--:|--:|--:|");
        sessions.byEnding().forEach((ending, counts) -> {
            if (counts.started() > 0) {
                LatencyDistribution gone = counts.containerGone();
                lines.add("| " + ending + " | " + counts.started() + " | " + counts.succeeded() + " | " + counts.failed() + " | "
                        + counts.unfinished() + " | " + Figures.millis(gone.p50Ms()) + " | " + Figures.millis(gone.p95Ms())
                        + " | " + Figures.millis(gone.maxMs()) + " |");
            }
        });
        if (!sessions.failures().isEmpty()) {
            lines.add("");
            lines.add("| n | phase | reason | example |");
            lines.add("|--:|---|---|---|");
            sessions.failures().stream().limit(FAILURES_SHOWN).forEach(kind -> lines.add("| " + kind.count() + " | "
                    + kind.phase() + " | " + cell(kind.reason()) + " | " + cell(kind.example()) + " |"));
        }
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

    private static void shards(ShardsSummary shards, List<String> lines) {
        if (shards == null) {
            return;
        }
        lines.add("");
        lines.add("**Shards**: " + shards.count() + ", settings `" + shards.settingsHash() + "`"
                + (shards.startAt() == null ? ", no start barrier" : ", start.at " + shards.startAt())
                + ", loads started within " + Figures.millis(shards.startSpreadSeconds() * 1000) + " of each other");
        lines.add("");
        lines.add("| shard | host | users | started | late | journeys ok | p95 | own verdict |");
        lines.add("|--:|---|---|---|--:|--:|--:|---|");
        for (ShardRow row : shards.each()) {
            lines.add("| " + row.index() + " | " + cell(row.host()) + " | " + row.firstUser() + "–"
                    + (row.firstUser() + row.users() - 1) + " | " + row.startedAt() + " | "
                    + Figures.millis(row.lateSeconds() * 1000) + " | " + row.succeeded() + "/" + row.started() + " | "
                    + Figures.millis(row.timeToContainerP95Ms()) + " | [" + (row.passed() ? "passed" : "failed") + "]("
                    + row.report() + ") |");
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
