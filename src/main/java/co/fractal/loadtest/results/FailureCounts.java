package co.fractal.loadtest.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Failed journeys counted by (step, reason), each with its first detail. At most {@value #KINDS_KEPT} kinds
 * are told apart; later new reasons are counted under {@value #OTHER_REASONS}, so memory stays bounded.
 */
final class FailureCounts {
    static final int KINDS_KEPT = 100;
    static final int EXAMPLE_CHARS = 300;
    static final String OTHER_REASONS = "other reasons";

    /** Most frequent first; ties in step order, then by reason. */
    static final Comparator<FailureTally> MOST_FREQUENT_FIRST = Comparator.comparingLong(FailureTally::count).reversed()
            .thenComparing(t -> t.step().map(Enum::ordinal).orElse(Integer.MAX_VALUE))
            .thenComparing(FailureTally::reason);

    private record Kind(JourneyStep step, String reason) {
    }

    private static final class Tally {
        final LongAdder count = new LongAdder();
        final String example;

        Tally(String example) {
            this.example = example;
        }
    }

    private final ConcurrentHashMap<Kind, Tally> tallies = new ConcurrentHashMap<>();

    void add(JourneyFailure failure) {
        Kind kind = new Kind(failure.step(), failure.reason() == null ? "unknown" : failure.reason());
        Tally tally = tallies.get(kind);
        if (tally == null) {
            if (tallies.size() >= KINDS_KEPT) {
                kind = new Kind(failure.step(), OTHER_REASONS);
            }
            tally = tallies.computeIfAbsent(kind, k -> new Tally(Excerpt.of(failure.detail(), EXAMPLE_CHARS)));
        }
        tally.count.increment();
    }

    /** The tallies so far, most frequent first. */
    List<FailureTally> snapshot() {
        List<FailureTally> list = new ArrayList<>();
        tallies.forEach((kind, tally) -> list.add(new FailureTally(Optional.ofNullable(kind.step()), kind.reason(),
                tally.count.sum(), tally.example)));
        list.sort(MOST_FREQUENT_FIRST);
        return list;
    }
}
