package co.fractal.loadtest.management;

import java.util.List;

/**
 * What a sweep found and did.
 *
 * @param found    leftovers matched (on a dry run, what would be removed)
 * @param deleted  leftovers removed
 * @param failures leftovers that could not be removed, with ids and reasons
 * @param warnings what could not be looked at
 */
public record SweepReport(List<String> found, List<String> deleted, List<String> failures, List<String> warnings) {
}
