package co.fractal.loadtest.results;

import co.fractal.loadtest.json.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * report.html: the run report for people, one self-contained page per run, single or merged — the verdict, the
 * time to container as a percentile curve and by origin, each step, requests, failures, invariants with their
 * evidence, the teardown, the load generators' health where their summaries have it, and a merged run's shards.
 * Charts are drawn by Apache ECharts, inlined with the page's data ({@link ReportCharts}); every text from the
 * run is escaped.
 */
public final class SummaryHtml {
    private static final String CSS = resource("report.css");
    private static final String SCRIPT = resource("report.js");

    private SummaryHtml() {
    }

    /** The page of a summary. */
    public static String render(RunSummary summary) {
        JsonNode tree = Json.MAPPER.valueToTree(summary);
        List<ReportCharts.GeneratorSeries> generator = generatorCharts(tree);
        RunInfo run = summary.run();
        StringBuilder page = new StringBuilder(1_200_000);
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc("Load test " + Headline.verdictWord(summary) + " — run " + run.id()))
                .append("</title><style>").append(CSS).append("</style></head>\n<body>\n");
        header(summary, page);
        page.append("<main>\n");
        verdict(summary.verdict(), page);
        timeToContainer(summary, page);
        section(page, "Steps", "Time of each step, of the journeys that reached it.", "chart-steps", summary.steps().values()
                .stream().anyMatch(d -> d.count() > 0));
        section(page, "Requests", "HTTP answers by endpoint and status (0 = no answer): "
                + esc(requestsText(summary.requests())), "chart-requests", !summary.requests().isEmpty());
        failures(summary.journeys(), page);
        if (summary.sessions() != null) {
            sessions(summary.sessions(), page);
        }
        invariants(summary.invariants(), page);
        teardown(summary.teardown(), page);
        generatorSection(generator, page);
        shards(summary.shards(), page);
        footer(summary, page);
        page.append("</main>\n<script>").append(ChartLibrary.script()).append("</script>\n")
                .append("<script type=\"application/json\" id=\"report-data\">")
                .append(ReportCharts.json(summary, generator)).append("</script>\n")
                .append("<script>").append(SCRIPT).append("</script>\n</body></html>\n");
        return page.toString();
    }

    private static void header(RunSummary summary, StringBuilder page) {
        RunInfo run = summary.run();
        page.append("<header class=\"").append(summary.verdict().passed() ? "passed" : "failed").append("\"><h1>")
                .append(esc("Load test " + Headline.of(summary))).append("</h1><p>")
                .append(esc("run " + run.id() + " · " + run.targetUrl() + " · " + run.users() + " users at "
                        + Figures.number(run.spawnRate()) + "/s · " + run.startedAt() + " → " + run.endedAt()
                        + (run.cutShort() ? " (cut short)" : "")
                        + (summary.shards() == null ? "" : " · merged from " + summary.shards().count() + " shards")))
                .append("</p></header>\n");
    }

    private static void verdict(Verdict verdict, StringBuilder page) {
        if (!verdict.reasons().isEmpty() || !verdict.caveats().isEmpty()) {
            page.append("<section><h2>Verdict</h2><ul class=\"reasons\">");
            verdict.reasons().forEach(r -> page.append("<li class=\"violated\">✗ ").append(esc(r)).append("</li>"));
            verdict.caveats().forEach(c -> page.append("<li class=\"unverified\">! ").append(esc(c)).append("</li>"));
            page.append("</ul></section>\n");
        }
    }

    private static void timeToContainer(RunSummary summary, StringBuilder page) {
        page.append("<section><h2>Time to container</h2><p class=\"muted\">Assign sent → SUCCESS seen, of the journeys"
                + " that reached SUCCESS, overall and by how the container came: percentiles from the run's"
                + " HdrHistograms.</p>");
        if (summary.timeToContainer().overall().count() > 0) {
            page.append("<div id=\"chart-time-to-container\" class=\"chart\"></div>");
        }
        page.append("<table><tr><th></th><th class=\"n\">n</th><th class=\"n\">p50</th><th class=\"n\">p90</th>"
                + "<th class=\"n\">p95</th><th class=\"n\">p99</th><th class=\"n\">max</th></tr>");
        row(page, "time to container", summary.timeToContainer().overall());
        for (ContainerOrigin origin : ContainerOrigin.values()) {
            LatencyDistribution d = summary.timeToContainer().byOrigin().get(origin.key());
            if (d != null && d.count() > 0) {
                row(page, "↳ " + origin.label(), d);
            }
        }
        for (JourneyStep step : JourneyStep.values()) {
            LatencyDistribution d = summary.steps().get(step.key());
            if (d != null && d.count() > 0) {
                row(page, step.label(), d);
            }
        }
        page.append("</table></section>\n");
    }

    private static void row(StringBuilder page, String name, LatencyDistribution d) {
        page.append("<tr><td>").append(esc(name)).append("</td><td class=\"n\">").append(d.count()).append("</td>");
        for (Double value : new Double[]{d.p50Ms(), d.p90Ms(), d.p95Ms(), d.p99Ms(), d.maxMs()}) {
            page.append("<td class=\"n\">").append(esc(Figures.millis(value))).append("</td>");
        }
        page.append("</tr>");
    }

    private static void section(StringBuilder page, String title, String text, String chart, boolean hasChart) {
        page.append("<section><h2>").append(title).append("</h2><p class=\"muted\">").append(text).append("</p>");
        if (hasChart) {
            page.append("<div id=\"").append(chart).append("\" class=\"chart\"></div>");
        }
        page.append("</section>\n");
    }

    private static void failures(JourneyCounts journeys, StringBuilder page) {
        page.append("<section><h2>Failures</h2>");
        if (journeys.failures().isEmpty()) {
            page.append("<p class=\"ok\">No journey failed.</p></section>\n");
            return;
        }
        page.append("<div id=\"chart-failures\" class=\"chart small\"></div><table><tr><th class=\"n\">n</th>"
                + "<th>step</th><th>reason</th><th>example</th></tr>");
        journeys.failures().forEach(kind -> page.append("<tr><td class=\"n\">").append(kind.count()).append("</td><td>")
                .append(esc(kind.stepLabel())).append("</td><td>").append(esc(kind.reason())).append("</td><td><code>")
                .append(esc(kind.example())).append("</code></td></tr>"));
        page.append("</table></section>\n");
    }

    private static void sessions(SessionSummary sessions, StringBuilder page) {
        page.append("<section><h2>Sessions</h2><p class=\"muted\">").append(esc(sessions.started() + " held (length "
                + sessions.length() + ", pings every " + sessions.pingInterval() + ", endings " + sessions.endings() + "): "
                + sessions.succeeded() + " ended as they should, " + sessions.failed() + " failed, " + sessions.unfinished()
                + " unfinished · containers: " + sessions.containers().get("gone") + " gone, "
                + sessions.containers().get("stillThere") + " still there, " + sessions.containers().get("unjudged")
                + " unjudged · " + sessions.pings() + " pings, " + sessions.probes() + " probes · hosts "
                + sessions.hosts().count() + ": " + sessions.hosts().authenticated() + " authenticated, "
                + sessions.hosts().heartbeats() + " heartbeats, " + sessions.hosts().dyingBeats() + " dying beats"))
                .append("</p><div id=\"chart-sessions\" class=\"chart small\"></div><table><tr><th>ending</th>"
                        + "<th class=\"n\">started</th><th class=\"n\">ok</th><th class=\"n\">failed</th>"
                        + "<th class=\"n\">unfinished</th><th class=\"n\">gone p50</th><th class=\"n\">p95</th>"
                        + "<th class=\"n\">max</th></tr>");
        sessions.byEnding().forEach((ending, counts) -> {
            LatencyDistribution gone = counts.containerGone();
            page.append("<tr><td>").append(esc(ending)).append("</td>");
            for (long n : new long[]{counts.started(), counts.succeeded(), counts.failed(), counts.unfinished()}) {
                page.append("<td class=\"n\">").append(n).append("</td>");
            }
            for (Double ms : new Double[]{gone.p50Ms(), gone.p95Ms(), gone.maxMs()}) {
                page.append("<td class=\"n\">").append(esc(Figures.millis(ms))).append("</td>");
            }
            page.append("</tr>");
        });
        page.append("</table>");
        if (!sessions.failures().isEmpty()) {
            page.append("<table><tr><th class=\"n\">n</th><th>phase</th><th>reason</th><th>example</th></tr>");
            sessions.failures().forEach(kind -> page.append("<tr><td class=\"n\">").append(kind.count()).append("</td><td>")
                    .append(esc(kind.phase())).append("</td><td>").append(esc(kind.reason())).append("</td><td><code>")
                    .append(esc(kind.example())).append("</code></td></tr>"));
            page.append("</table>");
        }
        page.append("<h3>The prewarmed pool under churn</h3><p class=\"muted\">").append(esc((sessions.pool().prewarmedPercent()
                        == null ? "no container's origin known" : Figures.number(sessions.pool().prewarmedPercent())
                        + " % of containers came prewarmed") + "; per " + sessions.pool().pointSeconds()
                        + " s: containers acquired by origin, their time to container, the free prewarmed containers"))
                .append("</p>");
        if (!sessions.pool().timeline().isEmpty()) {
            page.append("<div id=\"chart-pool\" class=\"chart\"></div>");
        }
        page.append("</section>\n");
    }

    private static void invariants(List<InvariantOutcome> invariants, StringBuilder page) {
        page.append("<section><h2>Invariants</h2><table><tr><th>invariant</th><th>status</th><th class=\"n\">violations"
                + "</th><th>holds when</th><th>evidence</th></tr>");
        for (InvariantOutcome invariant : invariants) {
            String status = invariant.status().name().toLowerCase(java.util.Locale.ROOT);
            page.append("<tr><td>").append(esc(invariant.name())).append("</td><td class=\"").append(status).append("\">")
                    .append(status).append("</td><td class=\"n\">").append(invariant.count()).append("</td><td>")
                    .append(esc(invariant.statement())).append("</td><td>")
                    .append(list(invariant.evidence())).append("</td></tr>");
        }
        page.append("</table></section>\n");
    }

    private static void teardown(TeardownReport teardown, StringBuilder page) {
        page.append("<section><h2>Teardown</h2><p class=\"").append(teardown.clean() ? "ok" : "violated").append("\">")
                .append(teardown.clean() ? "clean" : "NOT clean").append(teardown.verified() ? "" : " (unverified)")
                .append("</p><p>").append(esc(teardown.deleted().isEmpty() ? "nothing deleted" : "deleted "
                        + teardown.deleted().entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", ")))).append("</p>");
        labelled(page, "could not delete", teardown.failures());
        labelled(page, "left after teardown", teardown.leftovers());
        labelled(page, "warnings", teardown.warnings());
        page.append("</section>\n");
    }

    private static void generatorSection(List<ReportCharts.GeneratorSeries> charts, StringBuilder page) {
        page.append("<section><h2>Load generator health</h2>");
        if (charts.isEmpty()) {
            page.append("<p class=\"muted\">Not recorded by this run's load generators.</p>");
        }
        for (int i = 0; i < charts.size(); i++) {
            page.append("<div id=\"chart-generator-").append(i).append("\" class=\"chart small\"></div>");
        }
        page.append("</section>\n");
    }

    private static void shards(ShardsSummary shards, StringBuilder page) {
        if (shards == null) {
            return;
        }
        page.append("<section><h2>Shards</h2><p>").append(esc(shards.count() + " shards, settings " + shards.settingsHash()
                + (shards.startAt() == null ? ", no start barrier" : ", start barrier " + shards.startAt())
                + "; loads started within " + Figures.millis(shards.startSpreadSeconds() * 1000) + " of each other;"
                + " clock-skew tolerance across hosts " + shards.clockSkewToleranceMs() + " ms"))
                .append("</p><div id=\"chart-shard-starts\" class=\"chart small\"></div>")
                .append("<div id=\"chart-shard-journeys\" class=\"chart small\"></div>")
                .append("<table><tr><th class=\"n\">shard</th><th>host</th><th>users</th><th>started</th>"
                        + "<th class=\"n\">late</th><th class=\"n\">journeys ok</th><th class=\"n\">p95</th><th>own verdict</th>"
                        + "<th>files</th></tr>");
        for (ShardRow row : shards.each()) {
            page.append("<tr><td class=\"n\">").append(row.index()).append("</td><td>").append(esc(row.host()))
                    .append("</td><td>").append(row.firstUser()).append("–").append(row.firstUser() + row.users() - 1)
                    .append("</td><td>").append(esc(String.valueOf(row.startedAt()))).append("</td><td class=\"n\">")
                    .append(esc(Figures.millis(row.lateSeconds() * 1000))).append("</td><td class=\"n\">")
                    .append(row.succeeded()).append("/").append(row.started()).append("</td><td class=\"n\">")
                    .append(esc(Figures.millis(row.timeToContainerP95Ms()))).append("</td><td class=\"")
                    .append(row.passed() ? "ok\">passed" : "violated\">failed").append("</td><td><a href=\"")
                    .append(esc(row.report())).append("\">report</a> · <a href=\"").append(esc(row.summary()))
                    .append("\">summary.json</a></td></tr>");
        }
        page.append("</table>");
        labelled(page, "caveats", shards.caveats());
        page.append("</section>\n");
    }

    private static void footer(RunSummary summary, StringBuilder page) {
        page.append("<section><h2>Baseline</h2><p>").append(esc(summary.baseline().message())).append("</p>")
                .append(list(summary.baseline().deltas().stream().map(BaselineDelta::describe).toList()))
                .append("</section>\n<p class=\"muted\">").append(esc("Gatling report: " + (summary.run().gatlingReport() == null
                        ? (summary.shards() == null ? "not known" : "one per shard, see each shard's report")
                        : summary.run().gatlingReport()))).append(" · summary.json and summary.md beside this page · charts by"
                        + " Apache ECharts ").append(ChartLibrary.VERSION).append("</p>\n");
    }

    private static List<ReportCharts.GeneratorSeries> generatorCharts(JsonNode summary) {
        List<ReportCharts.GeneratorSeries> charts = new ArrayList<>(ReportCharts.generator("this run", summary.get("generator")));
        for (JsonNode shard : summary.path("shards").path("each")) {
            charts.addAll(ReportCharts.generator("shard " + shard.path("index").asInt(), shard.get("generator")));
        }
        return charts;
    }

    private static void labelled(StringBuilder page, String label, List<String> lines) {
        if (!lines.isEmpty()) {
            page.append("<p>").append(esc(label)).append(":</p>").append(list(lines));
        }
    }

    private static String list(List<String> lines) {
        return lines.isEmpty() ? "" : lines.stream().map(l -> "<li>" + esc(l) + "</li>")
                .collect(Collectors.joining("", "<ul>", "</ul>"));
    }

    private static String requestsText(Map<String, Map<String, Long>> requests) {
        return requests.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().entrySet().stream()
                .map(s -> s.getKey() + "×" + s.getValue()).collect(Collectors.joining(" "))).collect(Collectors.joining(" · "));
    }

    /** Text as HTML: &amp;, &lt;, &gt;, quotes escaped. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String resource(String name) {
        try (InputStream in = SummaryHtml.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the report's " + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report's " + name + ": " + e.getMessage(), e);
        }
    }
}
