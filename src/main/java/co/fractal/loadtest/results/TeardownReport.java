package co.fractal.loadtest.results;

import java.util.List;
import java.util.Map;

/**
 * What a teardown did.
 *
 * @param deleted    how many of each kind were deleted or released, e.g. {"users": 10, "containers": 2}
 * @param failures   what could not be deleted, each with its id and the reason
 * @param leftovers  what the check after teardown still found: users of the run, containers they hold
 * @param warnings   steps skipped or unverifiable, e.g. "cloud cleanup skipped: no AWS credentials"
 * @param verified   true when the after-teardown check could run at all
 */
public record TeardownReport(Map<String, Integer> deleted, List<String> failures, List<String> leftovers,
                             List<String> warnings, boolean verified) {

    /** True when nothing failed and nothing was left behind. */
    public boolean clean() {
        return failures.isEmpty() && leftovers.isEmpty();
    }
}
