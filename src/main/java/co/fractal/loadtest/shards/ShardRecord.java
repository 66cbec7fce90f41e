package co.fractal.loadtest.shards;

import java.time.Instant;
import java.util.Map;

/**
 * What a shard records for the merge beyond its summary.json, in {@code shard.json} beside it. Holds no secret.
 *
 * @param schema          the layout version, {@value #SCHEMA}
 * @param runId           the run it is a shard of
 * @param index           the shard, from 0
 * @param count           how many shards the run has
 * @param host            the load generator it ran on
 * @param firstUser       the global index of its slice's first user
 * @param users           its slice's size
 * @param settingsHash    the hash of the settings every shard of the run must share
 * @param settings        those settings' values, so a mismatch can be named
 * @param startAt         the start barrier it was given, or null
 * @param readyAt         when its users were ready (provisioned), before it waited for the barrier
 * @param startedAt       when its load actually started
 * @param endedAt         when its load ended
 * @param tornDownAt      when its teardown (and after-teardown check) was done
 * @param holds           how many container holds {@value ShardFiles#HOLDINGS} has
 * @param journeysStarted the run's users (by index) whose journeys it started, see {@link JourneyIndices}
 * @param journeysEnded   those whose journeys ended
 */
public record ShardRecord(int schema, String runId, int index, int count, String host, int firstUser, int users,
                          String settingsHash, Map<String, String> settings, Instant startAt, Instant readyAt, Instant startedAt,
                          Instant endedAt, Instant tornDownAt, long holds, String journeysStarted, String journeysEnded) {
    public static final int SCHEMA = 1;

    /** How long after the start barrier the shard's load started, when its users were not ready by then; else zero. */
    public java.time.Duration late() {
        return startAt == null || readyAt == null || !readyAt.isAfter(startAt) ? java.time.Duration.ZERO
                : java.time.Duration.between(startAt, startedAt);
    }
}
