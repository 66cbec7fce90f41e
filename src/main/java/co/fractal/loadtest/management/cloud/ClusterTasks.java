package co.fractal.loadtest.management.cloud;

import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;

import java.util.ArrayList;
import java.util.List;

/**
 * The load-test cluster's ECS tasks that are not yet stopping: every task ARN is listed first (all pages),
 * then described 100 at a time with their tags, and the selected runs' tasks are stopped.
 */
final class ClusterTasks implements CloudResources {
    static final String KIND = "ecs-task";
    private static final int DESCRIBE_BATCH = 100;

    private final EcsClient ecs;
    private final String cluster;
    private final String tagKey;

    ClusterTasks(EcsClient ecs, String cluster, String tagKey) {
        this.ecs = ecs;
        this.cluster = cluster;
        this.tagKey = tagKey;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String scope() {
        return "cluster " + cluster;
    }

    @Override
    public List<CloudResource> find(RunSelection selection) {
        List<String> arns = new ArrayList<>();
        try {
            ecs.listTasksPaginator(r -> r.cluster(cluster)).taskArns().forEach(arns::add);
        } catch (ClusterNotFoundException e) {
            return List.of();
        }
        List<CloudResource> matched = new ArrayList<>();
        for (int from = 0; from < arns.size(); from += DESCRIBE_BATCH) {
            List<String> batch = arns.subList(from, Math.min(from + DESCRIBE_BATCH, arns.size()));
            for (Task task : ecs.describeTasks(r -> r.cluster(cluster).tasks(batch).include(TaskField.TAGS)).tasks()) {
                selection.ownerOfTask(tagValue(task), task.startedBy())
                        .ifPresent(owner -> matched.add(new CloudResource(KIND, task.taskArn(), owner)));
            }
        }
        return matched;
    }

    @Override
    public void remove(CloudResource task) {
        try {
            ecs.stopTask(r -> r.cluster(cluster).task(task.id()).reason("load-test cleanup of " + task.owner()));
        } catch (ClusterNotFoundException e) {
            // the cluster is gone, and its tasks with it
        } catch (InvalidParameterException e) {
            if (!AwsErrors.saysNotFound(e, "InvalidParameterException")) {
                throw e;
            }
        }
    }

    private String tagValue(Task task) {
        return task.tags().stream().filter(t -> tagKey.equals(t.key())).map(Tag::value).findFirst().orElse(null);
    }
}
