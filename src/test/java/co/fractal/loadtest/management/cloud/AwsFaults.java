package co.fractal.loadtest.management.cloud;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Faults the fake AWS injects: a number of throttling answers before an action succeeds, and fixed error
 * answers for one action on one resource (or on any resource, with {@link #ANY}).
 */
final class AwsFaults {
    static final String ANY = "*";

    /** An AWS error answer. */
    record AwsError(int status, String code, String message) {
    }

    private final Map<String, Integer> throttles = new HashMap<>();
    private final Map<String, AwsError> errors = new HashMap<>();

    /** The next {@code times} calls of {@code action} are answered with the service's throttling error. */
    synchronized void throttle(String action, int times) {
        throttles.put(action, times);
    }

    /** Every call of {@code action} on {@code resourceId} (or {@link #ANY}) is answered with this error. */
    synchronized void fail(String action, String resourceId, int status, String code, String message) {
        errors.put(action + " " + resourceId, new AwsError(status, code, message));
    }

    synchronized boolean takeThrottle(String action) {
        int left = throttles.getOrDefault(action, 0);
        if (left == 0) {
            return false;
        }
        throttles.put(action, left - 1);
        return true;
    }

    synchronized Optional<AwsError> error(String action, String resourceId) {
        AwsError specific = errors.get(action + " " + resourceId);
        return Optional.ofNullable(specific != null ? specific : errors.get(action + " " + ANY));
    }
}
