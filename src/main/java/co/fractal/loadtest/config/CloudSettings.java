package co.fractal.loadtest.config;

import java.net.URI;
import java.util.Optional;

/**
 * Cleanup of the AWS resources a run caused: ECS tasks on the load-test cluster, tagged EC2 instances and
 * Auto Scaling groups, and optionally the cluster itself. Credentials come from the AWS SDK's usual
 * provider chain.
 *
 * @param mode          off, auto (skipped with a warning when no AWS credentials are found) or required
 * @param region        the AWS region to clean up
 * @param cluster       the load-test ECS cluster
 * @param deleteCluster delete the cluster at teardown, when it carries this run's tag
 * @param tagKey        the tag whose value is the run id
 * @param endpoint      an endpoint override for all AWS clients (a local stand-in in tests)
 * @param maxAttempts   attempts per AWS call, counting the first, when AWS answers throttling or a transient error
 */
public record CloudSettings(Mode mode, String region, String cluster, boolean deleteCluster, String tagKey,
                            Optional<URI> endpoint, int maxAttempts) {

    /** Whether cloud cleanup runs. */
    public enum Mode { OFF, AUTO, REQUIRED }

    /** Reads {@code cloud.*}; cleanup defaults to off for the local target, which has no cloud, else to auto. */
    static CloudSettings read(Settings s, String journeyRegion, boolean localTarget) {
        return new CloudSettings(s.choice(Setting.CLOUD_CLEANUP, Mode.class, localTarget ? Mode.OFF : Mode.AUTO),
                s.text(Setting.CLOUD_REGION, journeyRegion),
                s.text(Setting.CLOUD_CLUSTER, "load_test_cluster"),
                s.flag(Setting.CLOUD_DELETE_CLUSTER, false),
                s.text(Setting.CLOUD_TAG_KEY, "loadtest-run-id"),
                s.httpUrl(Setting.CLOUD_ENDPOINT),
                s.integer(Setting.CLOUD_MAX_ATTEMPTS, 8, 1, 20));
    }
}
