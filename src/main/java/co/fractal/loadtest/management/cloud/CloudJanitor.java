package co.fractal.loadtest.management.cloud;

import co.fractal.loadtest.config.CloudSettings;
import co.fractal.loadtest.config.RunId;

import java.time.Instant;
import java.util.Collection;
import java.util.function.Predicate;

/**
 * Removes the AWS resources a load-test run caused, and only those: ECS tasks on the load-test cluster
 * started for the run's users, EC2 instances and Auto Scaling groups tagged with the run id, and (when
 * configured) the run's load-test cluster. Lists every page before changing anything, retries throttling,
 * and treats "already gone" as done.
 */
public final class CloudJanitor implements AutoCloseable {

    /** A janitor for these settings, with the SDK's default credentials. */
    public static CloudJanitor connect(co.fractal.loadtest.config.CloudSettings settings) {
        throw new UnsupportedOperationException("cloud janitor not built yet");
    }

    /** Cleans up one run's resources. */
    public CloudReport cleanUp(RunId runId, Collection<String> runUsers) {
        throw new UnsupportedOperationException("cloud janitor not built yet");
    }

    /** Removes (or, on a dry run, lists) resources of runs started before {@code before} that are not live. */
    public CloudReport sweep(Instant before, Predicate<RunId> live, boolean dryRun) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}
