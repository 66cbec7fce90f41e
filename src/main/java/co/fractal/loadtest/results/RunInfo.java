package co.fractal.loadtest.results;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What a run was, for its summary.
 *
 * @param runId         the run id
 * @param target        the target's name (local, dev, staging, prod, or a host)
 * @param targetUrl     the URL the load went to
 * @param profile       the load profile's id
 * @param users         journeys planned
 * @param spawnRate     journeys started per second
 * @param minSuccessPercent the share of journeys that must succeed for the run to pass
 * @param startedAt     when the load started
 * @param endedAt       when the load ended
 * @param gatlingReport the Gatling HTML report of this run, when known
 * @param cutShort      true when the run ended (maximum duration reached, or the process was stopped) before every journey did
 */
public record RunInfo(String runId, String target, String targetUrl, String profile, int users, double spawnRate,
                      double minSuccessPercent,
                      Instant startedAt, Instant endedAt, Optional<Path> gatlingReport, boolean cutShort) {
}
