package co.fractal.loadtest.shards;

import co.fractal.loadtest.results.RunSummary;
import co.fractal.loadtest.results.ViolationTally;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * JOURNEY_ACCOUNTING across shards: every journey of the run (one per user, by the user's index in the run)
 * started in one shard only — its own, whose slice holds the user — and each shard's journeys add up
 * (started = succeeded + failed + vanished). A shard that ran another's users (a pointer or a shard index mixed
 * up) is seen here and nowhere else.
 */
final class CrossShardJourneys {
    private final BitSet seen = new BitSet();
    private final List<String> evidence = new ArrayList<>();
    private long violations;

    /** One shard's journeys, by user index, with its record and summary. */
    void add(ShardRecord record, RunSummary summary) {
        BitSet started = JourneyIndices.decode(record.journeysStarted());
        BitSet outside = (BitSet) started.clone();
        outside.clear(record.firstUser(), record.firstUser() + record.users());
        if (!outside.isEmpty()) {
            violations += outside.cardinality();
            note("shard " + record.index() + " ran the journeys of " + outside.cardinality() + " user(s) outside its slice"
                    + " (users " + record.firstUser() + "–" + (record.firstUser() + record.users() - 1) + "), e.g. user "
                    + outside.nextSetBit(0));
        }
        BitSet twice = (BitSet) started.clone();
        twice.and(seen);
        if (!twice.isEmpty()) {
            violations += twice.cardinality();
            note(twice.cardinality() + " journey(s) started in shard " + record.index() + " had started in another shard"
                    + " too, e.g. the journey of user " + twice.nextSetBit(0));
        }
        seen.or(started);
        var journeys = summary.journeys();
        if (journeys.started() != journeys.succeeded() + journeys.failed() + journeys.vanished()) {
            violations++;
            note("shard " + record.index() + "'s journeys do not add up: started " + journeys.started() + " ≠ succeeded "
                    + journeys.succeeded() + " + failed " + journeys.failed() + " + vanished " + journeys.vanished());
        }
    }

    ViolationTally tally() {
        return new ViolationTally(violations, evidence);
    }

    private void note(String line) {
        if (evidence.size() < ViolationTally.EVIDENCE_KEPT) {
            evidence.add("across shards: " + line);
        }
    }
}
