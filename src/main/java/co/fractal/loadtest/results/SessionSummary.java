package co.fractal.loadtest.results;

import co.fractal.loadtest.config.Durations;
import co.fractal.loadtest.config.SessionEnding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The held sessions as summary.json states them (README, "summary.json fields", {@code sessions.*}).
 *
 * @param length       how session lengths were drawn (the {@code session.length} setting)
 * @param pingInterval how often held containers pinged
 * @param endings      the endings' weights
 * @param started      sessions begun
 * @param succeeded    sessions that ended as they should
 * @param failed       sessions that failed
 * @param unfinished   sessions the run's end cut off
 * @param byEnding     the same by ending (graceful, abandon, blip, silent, relaunch), with the time from the ending's
 *                     start to the container gone
 * @param containers   sessions by what became of their container: gone, stillThere, unjudged, unknown
 * @param failures     failed sessions by phase and reason
 * @param pings        pings sent by held containers ({@code mandelbox/ping}; by status under {@code requests})
 * @param probes       probes sent after endings ({@code mandelbox/protocol_info}: read-only lookups of the row)
 * @param hosts        the simulated hosts: how many, authentications and heartbeats answered 200, dying beats
 * @param pool         the prewarmed pool under churn: the share of containers that came from it, and its timeline
 */
public record SessionSummary(String length, String pingInterval, String endings, long started, long succeeded, long failed,
                             long unfinished, Map<String, Ending> byEnding, Map<String, Long> containers,
                             List<SessionResults.FailureKind> failures, long pings, long probes, Hosts hosts, Pool pool) {

    /** One ending's sessions. */
    public record Ending(long started, long succeeded, long failed, long unfinished, LatencyDistribution containerGone) {
    }

    /**
     * The prewarmed pool under churn.
     *
     * @param prewarmedPercent containers acquired from the pool, of those whose origin is known, in percent (null: none)
     * @param pointSeconds     the length of each timeline point
     * @param timeline         by point: containers acquired by origin, their time to container, the pool's size
     */
    public record Pool(Double prewarmedPercent, long pointSeconds, List<PoolTimeline.Point> timeline) {
    }

    /** The simulated hosts. */
    public record Hosts(int count, long authenticated, long heartbeats, long dyingBeats) {
    }

    /** Endpoint names under which the journey's extra requests are counted. */
    public static final String PING = "mandelbox/ping";
    public static final String PROBE = "mandelbox/protocol_info";
    public static final String HOST_AUTH = "host_service/auth";
    public static final String HEARTBEAT = "host_service/heartbeat";
    public static final String DYING_BEAT = "host_service/heartbeat (dying)";

    static SessionSummary of(SessionResults results, Map<String, Map<Integer, Long>> requests,
                             Map<ContainerOrigin, org.HdrHistogram.Histogram> timeToContainerByOrigin) {
        long prewarmed = timeToContainerByOrigin.get(ContainerOrigin.PREWARMED).getTotalCount();
        long spunUp = timeToContainerByOrigin.get(ContainerOrigin.SPUN_UP).getTotalCount();
        Map<String, Ending> byEnding = new LinkedHashMap<>();
        for (SessionEnding ending : SessionEnding.values()) {
            SessionResults.ByEnding counts = results.byEnding().get(ending);
            byEnding.put(ending.key(), new Ending(counts.started(), counts.succeeded(), counts.failed(), counts.unfinished(),
                    LatencyDistribution.of(counts.goneMicros())));
        }
        Map<String, Long> containers = new LinkedHashMap<>();
        containers.put("gone", results.fates().get(SessionResult.Fate.GONE));
        containers.put("stillThere", results.fates().get(SessionResult.Fate.STILL_THERE));
        containers.put("unjudged", results.fates().get(SessionResult.Fate.UNJUDGED));
        containers.put("unknown", results.fates().get(SessionResult.Fate.UNKNOWN));
        long unfinished = byEnding.values().stream().mapToLong(Ending::unfinished).sum();
        return new SessionSummary(results.settings().length().toString(), Durations.describe(results.settings().pingInterval()),
                results.settings().describeEndings(), results.started(), results.succeeded(), results.failed(), unfinished,
                byEnding, containers, results.failures(), total(requests, PING), total(requests, PROBE),
                new Hosts(results.hosts().count(), count(requests, HOST_AUTH, 200), count(requests, HEARTBEAT, 200),
                        count(requests, DYING_BEAT, 200)),
                new Pool(prewarmed + spunUp == 0 ? null : Math.round(prewarmed * 10_000.0 / (prewarmed + spunUp)) / 100.0,
                        results.poolWidth().toSeconds(), results.pool()));
    }

    /**
     * The held sessions of several shards of one run as one: counts summed, every distribution from the shards'
     * histograms added, failures of the same phase and reason together, the pool's points side by side.
     */
    public static SessionSummary merge(List<SessionSummary> parts) {
        SessionSummary first = parts.get(0);
        Map<String, Ending> byEnding = new LinkedHashMap<>();
        for (String ending : first.byEnding().keySet()) {
            org.HdrHistogram.Histogram gone = new org.HdrHistogram.Histogram(JourneyLatencies.SIGNIFICANT_DIGITS);
            long started = 0;
            long succeeded = 0;
            long failed = 0;
            long unfinished = 0;
            for (SessionSummary part : parts) {
                Ending counts = part.byEnding().get(ending);
                started += counts.started();
                succeeded += counts.succeeded();
                failed += counts.failed();
                unfinished += counts.unfinished();
                gone.add(counts.containerGone().decode());
            }
            byEnding.put(ending, new Ending(started, succeeded, failed, unfinished, LatencyDistribution.of(gone)));
        }
        Map<String, Long> containers = new LinkedHashMap<>();
        parts.forEach(part -> part.containers().forEach((fate, n) -> containers.merge(fate, n, Long::sum)));
        Map<List<String>, SessionResults.FailureKind> failures = new LinkedHashMap<>();
        parts.forEach(part -> part.failures().forEach(kind -> failures.merge(List.of(kind.phase(), kind.reason()), kind,
                (a, b) -> new SessionResults.FailureKind(a.phase(), a.reason(), a.count() + b.count(), a.example()))));
        List<SessionResults.FailureKind> failureList = new java.util.ArrayList<>(failures.values());
        failureList.sort(java.util.Comparator.comparingLong(SessionResults.FailureKind::count).reversed());
        List<PoolTimeline.Point> timeline = parts.stream().flatMap(part -> part.pool().timeline().stream())
                .sorted(java.util.Comparator.comparing(PoolTimeline.Point::at)).toList();
        long prewarmed = timeline.stream().mapToLong(PoolTimeline.Point::prewarmed).sum();
        long spunUp = timeline.stream().mapToLong(PoolTimeline.Point::spunUp).sum();
        return new SessionSummary(first.length(), first.pingInterval(), first.endings(),
                parts.stream().mapToLong(SessionSummary::started).sum(), parts.stream().mapToLong(SessionSummary::succeeded).sum(),
                parts.stream().mapToLong(SessionSummary::failed).sum(), parts.stream().mapToLong(SessionSummary::unfinished).sum(),
                byEnding, containers, failureList, parts.stream().mapToLong(SessionSummary::pings).sum(),
                parts.stream().mapToLong(SessionSummary::probes).sum(),
                new Hosts(parts.stream().mapToInt(part -> part.hosts().count()).sum(),
                        parts.stream().mapToLong(part -> part.hosts().authenticated()).sum(),
                        parts.stream().mapToLong(part -> part.hosts().heartbeats()).sum(),
                        parts.stream().mapToLong(part -> part.hosts().dyingBeats()).sum()),
                new Pool(prewarmed + spunUp == 0 ? null : Math.round(prewarmed * 10_000.0 / (prewarmed + spunUp)) / 100.0,
                        parts.stream().mapToLong(part -> part.pool().pointSeconds()).max().orElse(0), timeline));
    }

    /** Ended as they should, of those begun, in percent (100 when none began). */
    public double successPercent() {
        return started == 0 ? 100.0 : Math.round(succeeded * 10_000.0 / started) / 100.0;
    }

    private static long total(Map<String, Map<Integer, Long>> requests, String endpoint) {
        return requests.getOrDefault(endpoint, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    private static long count(Map<String, Map<Integer, Long>> requests, String endpoint, int status) {
        return requests.getOrDefault(endpoint, Map.of()).getOrDefault(status, 0L);
    }
}
