package co.fractal.loadtest.results;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether one invariant held.
 *
 * @param name      the invariant, e.g. EXCLUSIVE_CONTAINERS
 * @param statement what it says
 * @param status    ok, violated, or unverified (could not be checked: not a pass)
 * @param count     violations seen
 * @param evidence  the first violations (at most {@value ViolationTally#EVIDENCE_KEPT}); for an unverified
 *                  invariant, why it could not be checked
 */
public record InvariantOutcome(String name, String statement, Status status, long count, List<String> evidence) {

    /** The outcome of one invariant. */
    public enum Status {
        @JsonProperty("ok") OK,
        @JsonProperty("violated") VIOLATED,
        @JsonProperty("unverified") UNVERIFIED
    }

    public InvariantOutcome {
        evidence = List.copyOf(evidence);
    }

    /**
     * The outcomes of every invariant, in {@link Invariant} order; CLEAN_TEARDOWN comes from the teardown;
     * SESSION_ENDINGS only when sessions were held.
     */
    static List<InvariantOutcome> of(RunResults results, TeardownReport teardown, boolean sessionsHeld) {
        List<InvariantOutcome> outcomes = new ArrayList<>();
        for (Invariant invariant : Invariant.values()) {
            if (invariant == Invariant.SESSION_ENDINGS && !sessionsHeld) {
                continue;
            }
            ViolationTally tally = results.violations().get(invariant);
            if (invariant == Invariant.CLEAN_TEARDOWN) {
                tally = tally.plus(new ViolationTally(teardown.leftovers().size(), teardown.leftovers().stream()
                        .limit(ViolationTally.EVIDENCE_KEPT).map(leftover -> "left after teardown: " + leftover).toList()));
                if (tally.count() == 0 && !teardown.verified()) {
                    List<String> why = new ArrayList<>(List.of("the after-teardown check could not run"));
                    why.addAll(teardown.warnings());
                    outcomes.add(new InvariantOutcome(invariant.name(), invariant.statement(), Status.UNVERIFIED, 0, why));
                    continue;
                }
            }
            outcomes.add(new InvariantOutcome(invariant.name(), invariant.statement(),
                    tally.count() == 0 ? Status.OK : Status.VIOLATED, tally.count(), tally.evidence()));
        }
        return outcomes;
    }
}
