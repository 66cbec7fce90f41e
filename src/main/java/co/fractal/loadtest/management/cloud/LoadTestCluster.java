package co.fractal.loadtest.management.cloud;

import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Tag;

import java.util.ArrayList;
import java.util.List;

/**
 * The load-test ECS cluster itself, when it carries a selected run's tag and is still active. Removing it
 * deregisters its container instances (without force, so tasks still running elsewhere block it rather
 * than being orphaned), then deletes it.
 */
final class LoadTestCluster implements CloudResources {
    static final String KIND = "ecs-cluster";
    private static final String ACTIVE = "ACTIVE";

    private final EcsClient ecs;
    private final String cluster;
    private final String tagKey;

    LoadTestCluster(EcsClient ecs, String cluster, String tagKey) {
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
        return cluster;
    }

    @Override
    public List<CloudResource> find(RunSelection selection) {
        List<CloudResource> matched = new ArrayList<>();
        for (Cluster found : ecs.describeClusters(r -> r.clusters(cluster).include(ClusterField.TAGS)).clusters()) {
            if (ACTIVE.equals(found.status())) {
                selection.ownerByTag(tagValue(found))
                        .ifPresent(owner -> matched.add(new CloudResource(KIND, found.clusterName(), owner)));
            }
        }
        return matched;
    }

    @Override
    public void remove(CloudResource resource) {
        try {
            List<String> instances = new ArrayList<>();
            ecs.listContainerInstancesPaginator(r -> r.cluster(resource.id())).containerInstanceArns()
                    .forEach(instances::add);
            for (String instance : instances) {
                ecs.deregisterContainerInstance(r -> r.cluster(resource.id()).containerInstance(instance).force(false));
            }
            ecs.deleteCluster(r -> r.cluster(resource.id()));
        } catch (ClusterNotFoundException e) {
            // already deleted
        }
    }

    private String tagValue(Cluster found) {
        return found.tags().stream().filter(t -> tagKey.equals(t.key())).map(Tag::value).findFirst().orElse(null);
    }
}
