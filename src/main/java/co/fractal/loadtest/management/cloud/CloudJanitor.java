package co.fractal.loadtest.management.cloud;

import co.fractal.loadtest.config.CloudSettings;
import co.fractal.loadtest.config.RunId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.BackoffStrategy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Removes the AWS resources a load-test run caused, and only those: ECS tasks on the load-test cluster
 * started for the run's users, EC2 instances and Auto Scaling groups tagged with the run id, and (when
 * configured) the run's load-test cluster. Lists every page before changing anything, retries throttling,
 * and treats "already gone" as done. A failure on one resource is reported and the rest still run.
 */
public final class CloudJanitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CloudJanitor.class);
    private static final String HOW_TO_PROVIDE = "set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE";

    private final CloudSettings settings;
    private final AwsCredentialsProvider credentials;
    private final Optional<CloudClients> clients;
    private final Optional<DefaultCredentialsProvider> ownedCredentials;
    private final List<CloudResources> kinds = new ArrayList<>();

    private CloudJanitor(CloudSettings settings, AwsCredentialsProvider credentials, BackoffStrategy backoff,
                         BackoffStrategy throttlingBackoff, Optional<DefaultCredentialsProvider> ownedCredentials) {
        this.settings = settings;
        this.credentials = credentials;
        this.ownedCredentials = ownedCredentials;
        this.clients = settings.mode() == CloudSettings.Mode.OFF ? Optional.empty()
                : Optional.of(CloudClients.open(settings, credentials, backoff, throttlingBackoff));
        clients.ifPresent(aws -> {
            kinds.add(new ClusterTasks(aws.ecs, settings.cluster(), settings.tagKey()));
            kinds.add(new TaggedInstances(aws.ec2, settings.tagKey()));
            kinds.add(new TaggedScalingGroups(aws.autoScaling, settings.tagKey()));
            if (settings.deleteCluster()) {
                kinds.add(new LoadTestCluster(aws.ecs, settings.cluster(), settings.tagKey()));
            }
        });
    }

    /**
     * A janitor for the settings' region (and endpoint override, if any), with credentials from the AWS
     * SDK's default provider chain and the SDK's standard backoff. Nothing is sent until a cleanup runs.
     */
    public static CloudJanitor connect(CloudSettings settings) {
        DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
        return new CloudJanitor(settings, chain, CloudClients.STANDARD_BACKOFF, CloudClients.STANDARD_THROTTLING_BACKOFF,
                Optional.of(chain));
    }

    /**
     * A janitor with the given credentials and one backoff for every retry, throttling included: for tests
     * and local stand-ins, e.g. with {@code BackoffStrategy.retryImmediately()}. The caller keeps ownership
     * of the credentials provider.
     */
    public static CloudJanitor connect(CloudSettings settings, AwsCredentialsProvider credentials, BackoffStrategy backoff) {
        return new CloudJanitor(settings, credentials, backoff, backoff, Optional.empty());
    }

    /**
     * Cleans up one run's resources: its tagged resources, and the cluster's tasks started by one of
     * {@code runUsers} or by the run id. Running it again finds nothing and reports no failures.
     */
    public CloudReport cleanUp(RunId runId, Collection<String> runUsers) {
        return clean("cloud cleanup of run " + runId, RunSelection.of(runId, runUsers), false);
    }

    /**
     * Cleans up what one shard's users started (their ECS tasks) and nothing tagged with the run, which the
     * run's other shards may still use: that goes with the run's own teardown once every shard is done.
     */
    public CloudReport cleanUpUsers(RunId runId, Collection<String> shardUsers) {
        return clean("cloud cleanup of a shard of run " + runId, RunSelection.usersOf(runId, shardUsers), false);
    }

    /**
     * Removes (or, on a dry run, only lists as {@code found}) the resources of every run started before
     * {@code before} that is not {@code live}. A run is known by its tag, or for an ECS task by a
     * {@code startedBy} of the form {@code load_test_<run id>_<k>} or the run id itself.
     */
    public CloudReport sweep(Instant before, Predicate<RunId> live, boolean dryRun) {
        RunSelection stale = RunSelection.stale(before, live);
        return clean((dryRun ? "cloud sweep (dry run) of " : "cloud sweep of ") + stale, stale, dryRun);
    }

    private CloudReport clean(String purpose, RunSelection selection, boolean dryRun) {
        CloudReportBuilder report = new CloudReportBuilder();
        if (clients.isEmpty()) {
            LOG.info("{}: off (-Dcloud.cleanup=off)", purpose);
            return report.build();
        }
        if (!credentialsResolve()) {
            if (settings.mode() == CloudSettings.Mode.REQUIRED) {
                report.failed("cloud-cleanup", "credentials", "no AWS credentials found and -Dcloud.cleanup=required; "
                        + HOW_TO_PROVIDE);
            } else {
                report.warn("cloud cleanup skipped: no AWS credentials found; " + HOW_TO_PROVIDE + ", or -Dcloud.cleanup=off");
            }
            LOG.warn("{}: no AWS credentials found; {}", purpose, HOW_TO_PROVIDE);
            return report.build();
        }
        for (CloudResources kind : kinds) {
            step(purpose, kind, selection, dryRun, report);
        }
        return report.build();
    }

    private void step(String purpose, CloudResources kind, RunSelection selection, boolean dryRun,
                      CloudReportBuilder report) {
        List<CloudResource> matched;
        try {
            matched = kind.find(selection);
        } catch (RuntimeException e) {
            String reason = "listing failed: " + AwsErrors.reason(e);
            report.failed(kind.kind(), kind.scope(), reason);
            LOG.warn("{}: {} in {}: {}", purpose, kind.kind(), kind.scope(), reason);
            return;
        }
        int removed = 0;
        for (CloudResource resource : matched) {
            report.found(resource);
            if (dryRun) {
                LOG.info("{}: would remove {} ({})", purpose, resource.describe(), resource.owner());
                continue;
            }
            try {
                kind.remove(resource);
                report.deleted(resource);
                removed++;
            } catch (RuntimeException e) {
                report.failed(resource.kind(), resource.id(), AwsErrors.reason(e));
                LOG.warn("{}: could not remove {} ({}): {}", purpose, resource.describe(), resource.owner(),
                        AwsErrors.reason(e));
            }
        }
        LOG.info("{}: {} in {}: {} found, {} removed, {} failed", purpose, kind.kind(), kind.scope(), matched.size(),
                removed, dryRun ? 0 : matched.size() - removed);
    }

    private boolean credentialsResolve() {
        try {
            credentials.resolveCredentials();
            return true;
        } catch (SdkException e) {
            return false;
        }
    }

    @Override
    public void close() {
        clients.ifPresent(CloudClients::close);
        ownedCredentials.ifPresent(DefaultCredentialsProvider::close);
    }
}
