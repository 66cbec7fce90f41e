package co.fractal.loadtest.results;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Duration;
import java.time.Instant;

/**
 * What the run was, as its summary states it ({@code run} in summary.json).
 *
 * @param id                the run id, e.g. 20261124-113400-7f3a
 * @param target            local, dev, staging, prod, or a host name
 * @param targetUrl         the URL the load went to
 * @param profile           the load profile (smoke, weekly, stress, soak)
 * @param users             journeys planned
 * @param spawnRate         journeys started per second
 * @param minSuccessPercent the share of journeys that must succeed for the run to pass
 * @param startedAt         when the load started (ISO-8601, UTC, in the file)
 * @param endedAt           when the load ended
 * @param gatlingReport     the path of the Gatling HTML report of this run, or null when unknown
 * @param cutShort          true when the run ended (maximum duration reached, or the process was stopped) before every
 *                          journey did
 */
@JsonPropertyOrder({"id", "target", "targetUrl", "profile", "users", "spawnRate", "minSuccessPercent", "startedAt",
        "endedAt", "durationSeconds", "cutShort", "gatlingReport"})
public record RunInfo(String id, String target, String targetUrl, String profile, int users, double spawnRate,
                      double minSuccessPercent, Instant startedAt, Instant endedAt, String gatlingReport,
                      boolean cutShort) {

    /** {@code endedAt − startedAt}, in seconds. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public double durationSeconds() {
        return Duration.between(startedAt, endedAt).toMillis() / 1000.0;
    }
}
