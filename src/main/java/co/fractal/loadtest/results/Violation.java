package co.fractal.loadtest.results;

/**
 * One observed breach of an invariant.
 *
 * @param invariant the invariant broken
 * @param evidence  what was seen, with ids and times, e.g. "container c-12 held by load_test_…_3 since … and
 *                  handed to load_test_…_7 at …"
 */
public record Violation(Invariant invariant, String evidence) {
}
