package co.fractal.loadtest.results;

import co.fractal.loadtest.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;

/**
 * The data the HTML run report's charts are drawn from, computed from a summary: the time to container as a
 * percentile curve (from the HdrHistograms themselves), each step's percentiles, requests by endpoint and status,
 * failures by kind, a merged run's shards, and the load generators' health over time where their summaries have it.
 */
final class ReportCharts {
    static final double[] PERCENTILES = {0, 5, 10, 20, 30, 40, 50, 60, 70, 75, 80, 85, 90, 91, 92, 93, 94, 95, 96, 97,
            98, 99, 99.5, 99.9, 99.99, 100};
    private static final int FAILURE_KINDS_CHARTED = 10;

    private ReportCharts() {
    }

    /** The data as JSON text that can sit inside a script element. */
    static String json(RunSummary summary, List<GeneratorSeries> generator) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("timeToContainer", timeToContainer(summary));
        data.put("steps", steps(summary));
        data.put("requests", summary.requests().isEmpty() ? null : requests(summary.requests()));
        data.put("failures", summary.journeys().failures().isEmpty() ? null : failures(summary.journeys()));
        data.put("shards", summary.shards() == null ? null : shards(summary.shards()));
        data.put("sessions", summary.sessions() == null ? null : sessions(summary.sessions()));
        data.put("generator", generator);
        try {
            return Json.MAPPER.writeValueAsString(data).replace("</", "<\\/").replace("<!--", "<\\!--");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report data of run " + summary.run().id() + " cannot be written", e);
        }
    }

    // sessions by ending, and the pool's timeline
    private static Map<String, Object> sessions(SessionSummary sessions) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("endings", List.copyOf(sessions.byEnding().keySet()));
        data.put("succeeded", sessions.byEnding().values().stream().map(SessionSummary.Ending::succeeded).toList());
        data.put("failed", sessions.byEnding().values().stream().map(SessionSummary.Ending::failed).toList());
        data.put("unfinished", sessions.byEnding().values().stream().map(SessionSummary.Ending::unfinished).toList());
        List<PoolTimeline.Point> timeline = sessions.pool().timeline();
        Map<String, Object> pool = new LinkedHashMap<>();
        pool.put("at", timeline.stream().map(point -> point.at().toString()).toList());
        pool.put("prewarmed", timeline.stream().map(PoolTimeline.Point::prewarmed).toList());
        pool.put("spunUp", timeline.stream().map(PoolTimeline.Point::spunUp).toList());
        pool.put("unknown", timeline.stream().map(PoolTimeline.Point::unknown).toList());
        pool.put("p50Ms", timeline.stream().map(PoolTimeline.Point::p50Ms).toList());
        pool.put("p95Ms", timeline.stream().map(PoolTimeline.Point::p95Ms).toList());
        pool.put("poolSize", timeline.stream().map(PoolTimeline.Point::poolSize).toList());
        data.put("pool", pool);
        return data;
    }

    /**
     * One chart of a load generator's health over time.
     *
     * @param title  e.g. "shard 1 · samples"
     * @param x      the time axis labels
     * @param series each numeric measure over time
     */
    record GeneratorSeries(String title, List<String> x, List<Series> series) {
    }

    /** A named line or bar. */
    record Series(String name, List<? extends Number> values) {
    }

    /**
     * The charts of a {@code generator} section, where it exists: each array of samples in it becomes a chart of
     * its numeric fields, over its {@code at}/{@code time} field (else the sample's position).
     */
    // a generator sample's fields that are its time or the same every second
    private static final Set<String> NOT_CHARTED = Set.of("second", "journeysPlanned", "openFilesLimit");

    // 00:12 for the 12th second of the load
    private static String clock(int second) {
        return String.format(Locale.ROOT, "%02d:%02d", second / 60, second % 60);
    }

    static List<GeneratorSeries> generator(String label, JsonNode generator) {
        List<GeneratorSeries> charts = new ArrayList<>();
        if (generator == null || !generator.isObject()) {
            return charts;
        }
        generator.fields().forEachRemaining(field -> {
            JsonNode samples = field.getValue();
            if (!samples.isArray() || samples.isEmpty() || !samples.get(0).isObject()) {
                return;
            }
            List<String> x = new ArrayList<>();
            Map<String, List<Double>> measures = new LinkedHashMap<>();
            for (int i = 0; i < samples.size(); i++) {
                JsonNode sample = samples.get(i);
                x.add(sample.path("second").isNumber() ? clock(sample.get("second").asInt())
                        : sample.path("at").isTextual() ? sample.get("at").asText() : Integer.toString(i));
                int position = i;
                sample.fields().forEachRemaining(value -> {
                    if (value.getValue().isNumber() && !NOT_CHARTED.contains(value.getKey())) {
                        List<Double> values = measures.computeIfAbsent(value.getKey(), k -> new ArrayList<>());
                        while (values.size() < position) {
                            values.add(null);
                        }
                        values.add(value.getValue().asDouble());
                    }
                });
            }
            if (!measures.isEmpty()) {
                charts.add(new GeneratorSeries(label + " · " + field.getKey(), x, measures.entrySet().stream()
                        .map(m -> new Series(m.getKey(), m.getValue())).toList()));
            }
        });
        return charts;
    }

    private static Map<String, Object> timeToContainer(RunSummary summary) {
        List<Series> series = new ArrayList<>();
        curve("all journeys", summary.timeToContainer().overall(), series);
        for (ContainerOrigin origin : ContainerOrigin.values()) {
            curve(origin.label(), summary.timeToContainer().byOrigin().get(origin.key()), series);
        }
        if (series.isEmpty()) {
            return null;
        }
        List<String> labels = new ArrayList<>();
        for (double p : PERCENTILES) {
            labels.add("p" + Figures.number(p));
        }
        return Map.of("percentiles", labels, "series", series);
    }

    private static void curve(String name, LatencyDistribution distribution, List<Series> series) {
        if (distribution == null || distribution.count() == 0) {
            return;
        }
        Histogram micros = distribution.decode();
        List<Double> values = new ArrayList<>();
        for (double p : PERCENTILES) {
            values.add(micros.getValueAtPercentile(p) / 1000.0);
        }
        series.add(new Series(name + " (n=" + distribution.count() + ")", values));
    }

    private static Map<String, Object> steps(RunSummary summary) {
        List<String> names = new ArrayList<>();
        List<List<Double>> columns = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (JourneyStep step : JourneyStep.values()) {
            LatencyDistribution d = summary.steps().get(step.key());
            if (d != null && d.count() > 0) {
                names.add(step.label());
                columns.get(0).add(d.p50Ms());
                columns.get(1).add(d.p90Ms());
                columns.get(2).add(d.p95Ms());
                columns.get(3).add(d.p99Ms());
            }
        }
        if (names.isEmpty()) {
            return null;
        }
        return Map.of("names", names, "series", List.of(new Series("p50", columns.get(0)), new Series("p90", columns.get(1)),
                new Series("p95", columns.get(2)), new Series("p99", columns.get(3))));
    }

    private static Map<String, Object> requests(Map<String, Map<String, Long>> requests) {
        List<String> endpoints = new ArrayList<>(requests.keySet());
        TreeSet<String> statuses = new TreeSet<>();
        requests.values().forEach(byStatus -> statuses.addAll(byStatus.keySet()));
        List<Series> series = new ArrayList<>();
        for (String status : statuses) {
            series.add(new Series(status, endpoints.stream().map(e -> requests.get(e).getOrDefault(status, 0L)).toList()));
        }
        return Map.of("endpoints", endpoints, "series", series);
    }

    private static Map<String, Object> failures(JourneyCounts journeys) {
        List<FailureKind> top = journeys.failures().stream().limit(FAILURE_KINDS_CHARTED).toList();
        return Map.of("kinds", top.stream().map(k -> k.stepLabel() + ": " + Excerpt.of(k.reason(), 40)).toList(),
                "counts", top.stream().map(FailureKind::count).toList());
    }

    private static Map<String, Object> shards(ShardsSummary shards) {
        List<String> labels = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        List<Long> succeeded = new ArrayList<>();
        List<Long> notSucceeded = new ArrayList<>();
        for (ShardRow row : shards.each()) {
            labels.add(Integer.toString(row.index()));
            offsets.add(Duration.between(shards.firstStartedAt(), row.startedAt()).toMillis());
            succeeded.add(row.succeeded());
            notSucceeded.add(row.started() - row.succeeded());
        }
        return Map.of("labels", labels, "startOffsetsMs", offsets, "succeeded", succeeded, "notSucceeded", notSucceeded);
    }
}
