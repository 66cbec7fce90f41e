package co.fractal.loadtest.results;

import java.time.Duration;

/**
 * What the run was, as the summary states it.
 *
 * @param id                the run id, e.g. 20261124-113400-7f3a
 * @param target            local, dev, staging, prod, or a host name
 * @param targetUrl         the URL the load went to
 * @param profile           the load profile (smoke, weekly, stress, soak)
 * @param users             journeys planned
 * @param spawnRate         journeys started per second
 * @param minSuccessPercent the share of journeys that must succeed
 * @param startedAt         when the load started (ISO-8601, UTC)
 * @param endedAt           when the load ended (ISO-8601, UTC)
 * @param durationSeconds   endedAt − startedAt
 * @param cutShort          true when the run ended (maximum duration reached, or the process was stopped) before every journey did
 * @param gatlingReport     the Gatling HTML report, or null when unknown
 */
public record RunDescription(String id, String target, String targetUrl, String profile, int users, double spawnRate,
                             double minSuccessPercent, String startedAt, String endedAt, double durationSeconds,
                             boolean cutShort, String gatlingReport) {

    static RunDescription of(RunInfo info) {
        return new RunDescription(info.runId(), info.target(), info.targetUrl(), info.profile(), info.users(),
                info.spawnRate(), info.minSuccessPercent(), info.startedAt().toString(), info.endedAt().toString(),
                Duration.between(info.startedAt(), info.endedAt()).toMillis() / 1000.0, info.cutShort(),
                info.gatlingReport().map(Object::toString).orElse(null));
    }
}
