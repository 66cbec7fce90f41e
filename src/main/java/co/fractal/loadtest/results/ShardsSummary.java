package co.fractal.loadtest.results;

import java.time.Instant;
import java.util.List;

/**
 * How a merged run was spread over its load generators ({@code shards} in a merged summary.json; absent for a
 * run of one process).
 *
 * @param count                 how many shards
 * @param settingsHash          the hash of the settings every shard shared
 * @param startAt               the start barrier ({@code -Dstart.at}), or null
 * @param firstStartedAt        the earliest actual start of a shard's load
 * @param lastStartedAt         the latest
 * @param startSpreadSeconds    between the two
 * @param clockSkewToleranceMs  how far two holdings of one container on different hosts may overlap before the
 *                              merge counts it as an EXCLUSIVE_CONTAINERS violation (same host: not at all)
 * @param caveats               what the merge found that does not fail the run (late shards, overlaps within
 *                              the tolerance)
 * @param each                  every shard, by index
 */
public record ShardsSummary(int count, String settingsHash, Instant startAt, Instant firstStartedAt,
                            Instant lastStartedAt, double startSpreadSeconds, long clockSkewToleranceMs,
                            List<String> caveats, List<ShardRow> each) {

    public ShardsSummary {
        caveats = List.copyOf(caveats);
        each = List.copyOf(each);
    }
}
