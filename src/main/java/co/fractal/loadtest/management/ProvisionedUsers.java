package co.fractal.loadtest.management;

import java.util.List;

/**
 * The test users of a run.
 *
 * @param all    every user, in journey order
 * @param reused those that already existed and were reused
 */
public record ProvisionedUsers(List<String> all, List<String> reused) {
}
