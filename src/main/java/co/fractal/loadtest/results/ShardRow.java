package co.fractal.loadtest.results;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One shard of a merged run, as the merged summary's per-shard table shows it.
 *
 * @param index          the shard, from 0
 * @param host           the load generator it ran on
 * @param firstUser      the global index of its first user
 * @param users          how many users its slice had
 * @param startedAt      when its load actually started
 * @param lateSeconds    how long after {@code start.at} it started (0 when it waited for it, or none was set)
 * @param endedAt        when its load ended
 * @param started        journeys it started
 * @param succeeded      journeys that succeeded
 * @param timeToContainerP95Ms its own p95 time to container, or null
 * @param passed         its own verdict (the run's is the merge's)
 * @param summary        its summary.json, relative to the run's folder
 * @param report         its report.html, relative to the run's folder
 * @param gatlingReport  its Gatling HTML report as it recorded it, or null
 * @param generator      its load generator's health, as its summary.json has it, where it exists (else null)
 */
public record ShardRow(int index, String host, int firstUser, int users, Instant startedAt, double lateSeconds,
                       Instant endedAt, long started, long succeeded, Double timeToContainerP95Ms, boolean passed,
                       String summary, String report, String gatlingReport, JsonNode generator) {
}
