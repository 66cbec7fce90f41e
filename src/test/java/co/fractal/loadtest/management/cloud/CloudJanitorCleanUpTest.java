package co.fractal.loadtest.management.cloud;

import co.fractal.loadtest.config.CloudSettings;
import co.fractal.loadtest.config.RunId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static co.fractal.loadtest.management.cloud.AwsStandIn.CLUSTER;
import static co.fractal.loadtest.management.cloud.AwsStandIn.TAG_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CloudJanitor#cleanUp} with the real SDK clients against the fake ECS, EC2 and Auto Scaling, in
 * pages of 2 so that listings span several pages and a janitor that changed things while paging would
 * miss some of the run's resources.
 */
@Timeout(60)
class CloudJanitorCleanUpTest {
    static final RunId RUN = new RunId("20261124-113400-7f3a");
    static final RunId OTHER = new RunId("20261124-101500-0b1c");
    static final String FIXED_USER = "load_test_user_4";
    static final List<String> RUN_USERS = List.of("load_test_" + RUN + "_0", FIXED_USER);

    private AwsStandIn standIn;
    private FakeAws aws;

    @BeforeEach
    void start() {
        standIn = new AwsStandIn(2);
        aws = standIn.aws;
        aws.ecs.cluster(CLUSTER, Map.of());
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    /** What a run left behind, and what must survive its cleanup. */
    record Scene(Set<String> runTasks, Set<String> otherTasks, List<String> runInstances, List<String> otherInstances,
                 List<String> runGroups, List<String> otherGroups) {

        Set<String> expectedDeleted() {
            Set<String> deleted = new TreeSet<>();
            runTasks.forEach(arn -> deleted.add("ecs-task " + arn));
            runInstances.forEach(id -> deleted.add("ec2-instance " + id));
            runGroups.forEach(name -> deleted.add("autoscaling-group " + name));
            return deleted;
        }
    }

    // The run's resources come first and are interleaved with others', so paging while stopping would skip some.
    private Scene arrange() {
        Set<String> runTasks = new TreeSet<>();
        Set<String> otherTasks = new TreeSet<>();
        runTasks.add(aws.ecs.task(CLUSTER, "load_test_" + RUN + "_0", Map.of(TAG_KEY, RUN.value())));
        runTasks.add(aws.ecs.task(CLUSTER, "load_test_" + RUN + "_1", Map.of(TAG_KEY, RUN.value(), "team", "web")));
        otherTasks.add(aws.ecs.task(CLUSTER, "load_test_" + OTHER + "_0", Map.of(TAG_KEY, OTHER.value())));
        runTasks.add(aws.ecs.task(CLUSTER, FIXED_USER, Map.of()));
        runTasks.add(aws.ecs.task(CLUSTER, RUN.value(), Map.of()));
        otherTasks.add(aws.ecs.task(CLUSTER, "ecs-svc/9876543210", Map.of()));
        runTasks.add(aws.ecs.task(CLUSTER, "load_test_" + RUN + "_7", Map.of()));
        otherTasks.add(aws.ecs.task(CLUSTER, null, Map.of()));
        otherTasks.add(aws.ecs.task(CLUSTER, "load_test_user_9", Map.of()));
        otherTasks.add(aws.ecs.task(CLUSTER, "load_test_" + OTHER + "_1", Map.of()));
        otherTasks.add(aws.ecs.task(CLUSTER, "someone", Map.of(TAG_KEY, "not-a-run-id")));

        List<String> runInstances = new ArrayList<>();
        List<String> otherInstances = new ArrayList<>();
        runInstances.add(aws.ec2.instance(Map.of(TAG_KEY, RUN.value())));
        runInstances.add(aws.ec2.instance("pending", Map.of(TAG_KEY, RUN.value())));
        otherInstances.add(aws.ec2.instance(Map.of(TAG_KEY, OTHER.value())));
        runInstances.add(aws.ec2.instance("stopped", Map.of(TAG_KEY, RUN.value(), "Name", "load-test-host")));
        otherInstances.add(aws.ec2.instance(Map.of()));
        runInstances.add(aws.ec2.instance("stopping", Map.of(TAG_KEY, RUN.value())));
        otherInstances.add(aws.ec2.instance(Map.of("other-key", RUN.value())));
        runInstances.add(aws.ec2.instance(Map.of(TAG_KEY, RUN.value())));

        List<String> runGroups = List.of("load-test-" + RUN + "-a", "load-test-" + RUN + "-b", "load-test-" + RUN + "-c");
        List<String> otherGroups = List.of("load-test-" + OTHER, "webserver-prod");
        aws.autoScaling.group(runGroups.get(0), Map.of(TAG_KEY, RUN.value()));
        aws.autoScaling.group(otherGroups.get(0), Map.of(TAG_KEY, OTHER.value()));
        aws.autoScaling.group(runGroups.get(1), Map.of(TAG_KEY, RUN.value()));
        aws.autoScaling.group(runGroups.get(2), Map.of(TAG_KEY, RUN.value()));
        aws.autoScaling.group(otherGroups.get(1), Map.of("env", "prod"));
        return new Scene(runTasks, otherTasks, runInstances, otherInstances, runGroups, otherGroups);
    }

    private CloudReport cleanUp() {
        try (CloudJanitor janitor = standIn.janitor()) {
            return janitor.cleanUp(RUN, RUN_USERS);
        }
    }

    @Test
    void removesExactlyTheRunsTasksInstancesAndGroupsAcrossPages() {
        Scene scene = arrange();

        CloudReport report = cleanUp();

        assertThat(aws.ecs.runningTasks(CLUSTER)).containsExactlyInAnyOrderElementsOf(scene.otherTasks());
        scene.runInstances().forEach(id -> assertThat(aws.ec2.state(id)).as(id).isEqualTo("shutting-down"));
        assertThat(scene.otherInstances()).allSatisfy(id -> assertThat(aws.ec2.state(id)).isEqualTo("running"));
        scene.runGroups().forEach(name -> {
            assertThat(aws.autoScaling.status(name)).as(name).isEqualTo(FakeAutoScaling.DELETING);
            assertThat(aws.autoScaling.capacityWhenDeleted(name)).as("min/max/desired of " + name).isEqualTo("0/0/0");
        });
        assertThat(scene.otherGroups()).allSatisfy(name -> assertThat(aws.autoScaling.status(name)).isNull());

        assertThat(report.deleted()).containsExactlyInAnyOrderElementsOf(scene.expectedDeleted());
        assertThat(report.found()).containsExactlyInAnyOrderElementsOf(scene.expectedDeleted());
        assertThat(report.failures()).isEmpty();
        assertThat(report.warnings()).isEmpty();

        assertThat(aws.calls("ListTasks")).as("ListTasks pages").isEqualTo(6);
        assertThat(aws.calls("DescribeInstances")).as("DescribeInstances pages").isEqualTo(3);
        assertThat(aws.calls("DescribeAutoScalingGroups")).as("DescribeAutoScalingGroups pages").isEqualTo(2);
    }

    @Test
    void leavesTheClusterAloneUnlessAskedToDeleteIt() {
        aws.ecs.cluster(CLUSTER, Map.of(TAG_KEY, RUN.value()));
        aws.ecs.containerInstance(CLUSTER);

        CloudReport report = cleanUp();

        assertThat(aws.ecs.clusterStatus(CLUSTER)).isEqualTo("ACTIVE");
        assertThat(aws.calls("DescribeClusters")).isZero();
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void describesTasksInBatchesOfAtMostOneHundred() {
        standIn.close();
        standIn = new AwsStandIn(50);
        aws = standIn.aws;
        aws.ecs.cluster(CLUSTER, Map.of());
        Set<String> runTasks = new TreeSet<>();
        Set<String> otherTasks = new TreeSet<>();
        for (int k = 0; k < 230; k++) {
            if (k % 2 == 0) {
                runTasks.add(aws.ecs.task(CLUSTER, "load_test_" + RUN + "_" + k, Map.of(TAG_KEY, RUN.value())));
            } else {
                otherTasks.add(aws.ecs.task(CLUSTER, "load_test_" + OTHER + "_" + k, Map.of(TAG_KEY, OTHER.value())));
            }
        }

        CloudReport report = cleanUp();

        assertThat(report.failures()).isEmpty();
        assertThat(report.deleted()).hasSize(115);
        assertThat(aws.ecs.runningTasks(CLUSTER)).containsExactlyInAnyOrderElementsOf(otherTasks);
        assertThat(aws.calls("ListTasks")).isEqualTo(5);
        assertThat(aws.calls("DescribeTasks")).isEqualTo(3);
        assertThat(aws.calls("StopTask")).isEqualTo(runTasks.size());
    }

    @Test
    void retriesThrottledCallsUntilTheyGoThrough() {
        Scene scene = arrange();
        int throttles = AwsStandIn.MAX_ATTEMPTS - 1;
        for (String action : List.of("ListTasks", "DescribeTasks", "StopTask", "DescribeInstances", "TerminateInstances",
                "DescribeAutoScalingGroups", "UpdateAutoScalingGroup", "DeleteAutoScalingGroup")) {
            aws.faults.throttle(action, throttles);
        }

        CloudReport report = cleanUp();

        assertThat(report.failures()).isEmpty();
        assertThat(report.deleted()).containsExactlyInAnyOrderElementsOf(scene.expectedDeleted());
        assertThat(aws.ecs.runningTasks(CLUSTER)).containsExactlyInAnyOrderElementsOf(scene.otherTasks());
        assertThat(aws.calls("ListTasks")).isEqualTo(6 + throttles);
        assertThat(aws.calls("TerminateInstances")).isEqualTo(scene.runInstances().size() + throttles);
        assertThat(aws.calls("DeleteAutoScalingGroup")).isEqualTo(scene.runGroups().size() + throttles);
    }

    @Test
    void reportsThrottlingBeyondTheRetryBudgetAndCarriesOn() {
        Scene scene = arrange();
        aws.faults.throttle("TerminateInstances", AwsStandIn.MAX_ATTEMPTS);

        CloudReport report = cleanUp();

        String first = scene.runInstances().get(0);
        assertThat(report.failures()).singleElement().asString()
                .startsWith("ec2-instance " + first + ": RequestLimitExceeded: ")
                .contains("HTTP 503");
        assertThat(aws.calls("TerminateInstances")).isEqualTo(AwsStandIn.MAX_ATTEMPTS + scene.runInstances().size() - 1);
        assertThat(aws.ec2.state(first)).isEqualTo("running");
        scene.runInstances().subList(1, scene.runInstances().size())
                .forEach(id -> assertThat(aws.ec2.state(id)).isEqualTo("shutting-down"));
        scene.runGroups().forEach(name -> assertThat(aws.autoScaling.status(name)).isEqualTo(FakeAutoScaling.DELETING));
    }

    @Test
    void aSecondCleanupFindsNothingAndChangesNothing() {
        Scene scene = arrange();
        CloudReport first = cleanUp();
        assertThat(first.deleted()).hasSize(scene.expectedDeleted().size());
        int stops = aws.calls("StopTask");
        int terminates = aws.calls("TerminateInstances");
        int updates = aws.calls("UpdateAutoScalingGroup");
        int deletes = aws.calls("DeleteAutoScalingGroup");

        CloudReport second = cleanUp();

        assertThat(second).isEqualTo(new CloudReport(List.of(), List.of(), List.of(), List.of()));
        assertThat(aws.calls("StopTask")).isEqualTo(stops);
        assertThat(aws.calls("TerminateInstances")).isEqualTo(terminates);
        assertThat(aws.calls("UpdateAutoScalingGroup")).isEqualTo(updates);
        assertThat(aws.calls("DeleteAutoScalingGroup")).isEqualTo(deletes);
    }

    @Test
    void reportsEachRefusalWithItsIdAndStillCleansTheRest() {
        Scene scene = arrange();
        String refusedInstance = scene.runInstances().get(1);
        String refusedTask = scene.runTasks().iterator().next();
        aws.faults.fail("TerminateInstances", refusedInstance, 403, "UnauthorizedOperation",
                "You are not authorized to perform this operation.");
        aws.faults.fail("StopTask", refusedTask, 400, "AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecs:StopTask");

        CloudReport report = cleanUp();

        assertThat(report.failures()).containsExactlyInAnyOrder(
                "ecs-task " + refusedTask + ": AccessDeniedException: User: arn:aws:iam::123456789012:user/ci is not "
                        + "authorized to perform: ecs:StopTask (HTTP 400)",
                "ec2-instance " + refusedInstance + ": UnauthorizedOperation: You are not authorized to perform this "
                        + "operation. (HTTP 403)");
        Set<String> removed = new TreeSet<>(scene.expectedDeleted());
        removed.remove("ecs-task " + refusedTask);
        removed.remove("ec2-instance " + refusedInstance);
        assertThat(report.deleted()).containsExactlyInAnyOrderElementsOf(removed);
        assertThat(report.found()).containsExactlyInAnyOrderElementsOf(scene.expectedDeleted());
        assertThat(aws.ec2.state(refusedInstance)).isEqualTo("pending");
        assertThat(aws.ecs.runningTasks(CLUSTER)).contains(refusedTask);
        scene.runGroups().forEach(name -> assertThat(aws.autoScaling.status(name)).isEqualTo(FakeAutoScaling.DELETING));
        assertThat(String.join("\n", report.failures()))
                .doesNotContain(AwsStandIn.SECRET_ACCESS_KEY).doesNotContain(AwsStandIn.ACCESS_KEY_ID);
    }

    @Test
    void aListingThatFailsIsReportedAndTheOtherKindsAreStillCleaned() {
        Scene scene = arrange();
        aws.faults.fail("ListTasks", AwsFaults.ANY, 400, "AccessDeniedException",
                "User is not authorized to perform: ecs:ListTasks");

        CloudReport report = cleanUp();

        assertThat(report.failures()).containsExactly("ecs-task cluster " + CLUSTER
                + ": listing failed: AccessDeniedException: User is not authorized to perform: ecs:ListTasks (HTTP 400)");
        assertThat(aws.ecs.runningTasks(CLUSTER)).containsAll(scene.runTasks());
        scene.runInstances().forEach(id -> assertThat(aws.ec2.state(id)).isEqualTo("shutting-down"));
        scene.runGroups().forEach(name -> assertThat(aws.autoScaling.status(name)).isEqualTo(FakeAutoScaling.DELETING));
    }

    @Test
    void treatsResourcesAlreadyGoneAsRemoved() {
        Scene scene = arrange();
        String task = scene.runTasks().iterator().next();
        String instance = scene.runInstances().get(0);
        String group = scene.runGroups().get(0);
        aws.faults.fail("StopTask", task, 400, "InvalidParameterException", "The referenced task was not found.");
        aws.faults.fail("TerminateInstances", instance, 400, "InvalidInstanceID.NotFound",
                "The instance ID '" + instance + "' does not exist");
        aws.faults.fail("UpdateAutoScalingGroup", group, 400, "ValidationError",
                "AutoScalingGroup name not found - AutoScalingGroup '" + group + "' not found");

        CloudReport report = cleanUp();

        assertThat(report.failures()).isEmpty();
        assertThat(report.deleted()).containsExactlyInAnyOrderElementsOf(scene.expectedDeleted());
    }

    @Test
    void aMissingClusterMeansNoTasksToStop() {
        standIn.close();
        standIn = new AwsStandIn(2);
        aws = standIn.aws;
        String instance = aws.ec2.instance(Map.of(TAG_KEY, RUN.value()));

        CloudReport report = cleanUp();

        assertThat(report.failures()).isEmpty();
        assertThat(report.deleted()).containsExactly("ec2-instance " + instance);
        assertThat(aws.calls("ListTasks")).isEqualTo(1);
    }

    @Test
    void deletesTheRunsClusterAfterStoppingItsTasksAndDeregisteringItsContainerInstances() {
        aws.ecs.cluster(CLUSTER, Map.of(TAG_KEY, RUN.value()));
        for (int k = 0; k < 3; k++) {
            aws.ecs.containerInstance(CLUSTER);
        }
        String runTask = aws.ecs.task(CLUSTER, "load_test_" + RUN + "_2", Map.of(TAG_KEY, RUN.value()));

        CloudReport report;
        try (CloudJanitor janitor = standIn.janitor(standIn.settings(CloudSettings.Mode.REQUIRED, true),
                AwsStandIn.credentials())) {
            report = janitor.cleanUp(RUN, List.of());
        }

        assertThat(report.failures()).isEmpty();
        assertThat(report.deleted()).containsExactly("ecs-task " + runTask, "ecs-cluster " + CLUSTER);
        assertThat(aws.ecs.containerInstances(CLUSTER)).isEmpty();
        assertThat(aws.ecs.clusterStatus(CLUSTER)).isEqualTo("INACTIVE");
        assertThat(aws.calls("ListContainerInstances")).isEqualTo(2);
    }

    @Test
    void keepsTheRunsClusterWhileOtherRunsStillHaveTasksOnIt() {
        Scene scene = arrange();
        aws.ecs.cluster(CLUSTER, Map.of(TAG_KEY, RUN.value()));

        CloudReport report;
        try (CloudJanitor janitor = standIn.janitor(standIn.settings(CloudSettings.Mode.AUTO, true),
                AwsStandIn.credentials())) {
            report = janitor.cleanUp(RUN, RUN_USERS);
        }

        assertThat(report.failures()).containsExactly("ecs-cluster " + CLUSTER + ": ClusterContainsTasksException: "
                + "The Cluster cannot be deleted while Tasks are active. (HTTP 400)");
        assertThat(aws.ecs.clusterStatus(CLUSTER)).isEqualTo("ACTIVE");
        assertThat(aws.ecs.runningTasks(CLUSTER)).containsExactlyInAnyOrderElementsOf(scene.otherTasks());
    }

    @Test
    void keepsAClusterTaggedWithAnotherRun() {
        aws.ecs.cluster(CLUSTER, Map.of(TAG_KEY, OTHER.value()));
        String instance = aws.ecs.containerInstance(CLUSTER);

        CloudReport report;
        try (CloudJanitor janitor = standIn.janitor(standIn.settings(CloudSettings.Mode.AUTO, true),
                AwsStandIn.credentials())) {
            report = janitor.cleanUp(RUN, List.of());
        }

        assertThat(report).isEqualTo(new CloudReport(List.of(), List.of(), List.of(), List.of()));
        assertThat(aws.ecs.clusterStatus(CLUSTER)).isEqualTo("ACTIVE");
        assertThat(aws.ecs.containerInstances(CLUSTER)).containsExactly(instance);
        assertThat(aws.calls("DescribeClusters")).isEqualTo(1);
    }
}
