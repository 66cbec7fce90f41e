package co.fractal.loadtest.results;

import java.util.ArrayList;
import java.util.List;

/**
 * How often one invariant was broken, with the first {@value #EVIDENCE_KEPT} pieces of evidence.
 *
 * @param count    every violation seen
 * @param evidence the first ones, in the order they were seen
 */
public record ViolationTally(long count, List<String> evidence) {
    /** How many pieces of evidence are kept per invariant. */
    public static final int EVIDENCE_KEPT = 20;
    static final int EVIDENCE_CHARS = 500;

    /** No violation. */
    public static final ViolationTally NONE = new ViolationTally(0, List.of());

    public ViolationTally {
        evidence = List.copyOf(evidence);
    }

    static ViolationTally of(String evidence) {
        return new ViolationTally(1, List.of(Excerpt.of(evidence, EVIDENCE_CHARS)));
    }

    /** Both tallies together: counts added, evidence kept up to the bound. */
    ViolationTally plus(ViolationTally other) {
        List<String> kept = new ArrayList<>(evidence);
        for (String line : other.evidence) {
            if (kept.size() < EVIDENCE_KEPT) {
                kept.add(line);
            }
        }
        return new ViolationTally(count + other.count, kept);
    }
}
