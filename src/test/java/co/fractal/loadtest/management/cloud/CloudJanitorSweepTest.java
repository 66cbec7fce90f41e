package co.fractal.loadtest.management.cloud;

import co.fractal.loadtest.config.CloudSettings;
import co.fractal.loadtest.config.RunId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static co.fractal.loadtest.management.cloud.AwsStandIn.CLUSTER;
import static co.fractal.loadtest.management.cloud.AwsStandIn.TAG_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CloudJanitor#sweep}: leftovers of runs that started before the cut-off and are not live are
 * removed (or only listed, on a dry run); live runs, recent runs and resources no run can be traced to
 * stay untouched.
 */
@Timeout(60)
class CloudJanitorSweepTest {
    static final Instant CUT_OFF = Instant.parse("2026-11-20T00:00:00Z");
    static final RunId STALE = new RunId("20261101-080000-aaaa");
    static final RunId LIVE = new RunId("20261101-090000-bbbb");
    static final RunId RECENT = new RunId("20261124-113400-7f3a");

    private AwsStandIn standIn;
    private FakeAws aws;
    private Set<String> staleResources;
    private Set<String> keptTasks;
    private List<String> keptInstances;
    private List<String> staleInstances;

    @BeforeEach
    void arrange() {
        standIn = new AwsStandIn(2);
        aws = standIn.aws;
        aws.ecs.cluster(CLUSTER, Map.of(TAG_KEY, STALE.value()));
        staleResources = new TreeSet<>();
        keptTasks = new TreeSet<>();
        staleResources.add("ecs-task " + aws.ecs.task(CLUSTER, "load_test_" + STALE + "_0", Map.of(TAG_KEY, STALE.value())));
        keptTasks.add(aws.ecs.task(CLUSTER, "load_test_" + LIVE + "_0", Map.of(TAG_KEY, LIVE.value())));
        staleResources.add("ecs-task " + aws.ecs.task(CLUSTER, "load_test_" + STALE + "_1", Map.of()));
        staleResources.add("ecs-task " + aws.ecs.task(CLUSTER, STALE.value(), Map.of()));
        keptTasks.add(aws.ecs.task(CLUSTER, "load_test_" + LIVE + "_1", Map.of()));
        keptTasks.add(aws.ecs.task(CLUSTER, "load_test_" + RECENT + "_0", Map.of(TAG_KEY, RECENT.value())));
        keptTasks.add(aws.ecs.task(CLUSTER, "load_test_user_3", Map.of()));
        keptTasks.add(aws.ecs.task(CLUSTER, "ecs-svc/1234", Map.of(TAG_KEY, "not-a-run-id")));

        staleInstances = List.of(aws.ec2.instance(Map.of(TAG_KEY, STALE.value())),
                aws.ec2.instance("stopped", Map.of(TAG_KEY, STALE.value())));
        keptInstances = List.of(aws.ec2.instance(Map.of(TAG_KEY, LIVE.value())),
                aws.ec2.instance(Map.of(TAG_KEY, RECENT.value())), aws.ec2.instance(Map.of(TAG_KEY, "manual")),
                aws.ec2.instance(Map.of()));
        staleInstances.forEach(id -> staleResources.add("ec2-instance " + id));

        aws.autoScaling.group("asg-stale", Map.of(TAG_KEY, STALE.value()));
        aws.autoScaling.group("asg-live", Map.of(TAG_KEY, LIVE.value()));
        aws.autoScaling.group("asg-recent", Map.of(TAG_KEY, RECENT.value()));
        aws.autoScaling.group("asg-untagged", Map.of());
        staleResources.add("autoscaling-group asg-stale");
        staleResources.add("ecs-cluster " + CLUSTER);
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private CloudReport sweep(boolean dryRun) {
        try (CloudJanitor janitor = standIn.janitor(standIn.settings(CloudSettings.Mode.AUTO, true),
                AwsStandIn.credentials())) {
            return janitor.sweep(CUT_OFF, LIVE::equals, dryRun);
        }
    }

    @Test
    void removesOnlyTheResourcesOfStaleRunsThatAreNotLive() {
        CloudReport report = sweep(false);

        // the stale run's cluster still hosts other runs' tasks: ECS refuses to delete it, and it is reported
        assertThat(report.failures()).containsExactly("ecs-cluster " + CLUSTER + ": ClusterContainsTasksException: "
                + "The Cluster cannot be deleted while Tasks are active. (HTTP 400)");
        assertThat(aws.ecs.clusterStatus(CLUSTER)).isEqualTo("ACTIVE");
        Set<String> removed = new TreeSet<>(staleResources);
        removed.remove("ecs-cluster " + CLUSTER);
        assertThat(report.deleted()).containsExactlyInAnyOrderElementsOf(removed);
        assertThat(report.found()).containsExactlyInAnyOrderElementsOf(staleResources);
        assertThat(aws.ecs.runningTasks(CLUSTER)).containsExactlyInAnyOrderElementsOf(keptTasks);
        staleInstances.forEach(id -> assertThat(aws.ec2.state(id)).isEqualTo("shutting-down"));
        keptInstances.forEach(id -> assertThat(aws.ec2.state(id)).isEqualTo("running"));
        assertThat(aws.autoScaling.status("asg-stale")).isEqualTo(FakeAutoScaling.DELETING);
        for (String kept : List.of("asg-live", "asg-recent", "asg-untagged")) {
            assertThat(aws.autoScaling.status(kept)).as(kept).isNull();
        }
    }

    @Test
    void aDryRunListsTheSameResourcesAndChangesNothing() {
        CloudReport report = sweep(true);

        assertThat(report.found()).containsExactlyInAnyOrderElementsOf(staleResources);
        assertThat(report.deleted()).isEmpty();
        assertThat(report.failures()).isEmpty();
        for (String change : List.of("StopTask", "TerminateInstances", "UpdateAutoScalingGroup", "DeleteAutoScalingGroup",
                "DeregisterContainerInstance", "DeleteCluster")) {
            assertThat(aws.calls(change)).as(change).isZero();
        }
        assertThat(aws.ecs.runningTasks(CLUSTER)).hasSize(keptTasks.size() + 3);
        staleInstances.forEach(id -> assertThat(aws.ec2.state(id)).isNotEqualTo("shutting-down"));
        assertThat(aws.ecs.clusterStatus(CLUSTER)).isEqualTo("ACTIVE");
    }

    @Test
    void deletesAStaleRunsClusterOnceNothingRunsOnIt() {
        aws.ecs.cluster("load_test_cluster_2", Map.of(TAG_KEY, STALE.value()));
        aws.ecs.containerInstance("load_test_cluster_2");
        aws.ecs.task("load_test_cluster_2", "load_test_" + STALE + "_5", Map.of(TAG_KEY, STALE.value()));
        CloudSettings settings = new CloudSettings(CloudSettings.Mode.AUTO, AwsStandIn.REGION, "load_test_cluster_2",
                true, TAG_KEY, standIn.settings(CloudSettings.Mode.AUTO, true).endpoint(), AwsStandIn.MAX_ATTEMPTS);

        CloudReport report;
        try (CloudJanitor janitor = standIn.janitor(settings, AwsStandIn.credentials())) {
            report = janitor.sweep(CUT_OFF, LIVE::equals, false);
        }

        assertThat(report.failures()).isEmpty();
        assertThat(report.deleted()).contains("ecs-cluster load_test_cluster_2");
        assertThat(aws.ecs.clusterStatus("load_test_cluster_2")).isEqualTo("INACTIVE");
        assertThat(aws.ecs.clusterStatus(CLUSTER)).isEqualTo("ACTIVE");
    }

    @Test
    void aRunThatIsStillLiveIsNeverSwept() {
        try (CloudJanitor janitor = standIn.janitor()) {
            janitor.sweep(CUT_OFF, run -> true, false);
        }

        assertThat(aws.ecs.runningTasks(CLUSTER)).hasSize(keptTasks.size() + 3);
        assertThat(aws.calls("StopTask") + aws.calls("TerminateInstances") + aws.calls("DeleteAutoScalingGroup")).isZero();
    }
}
