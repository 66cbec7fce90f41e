package co.fractal.loadtest.management.cloud;

import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.Filter;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;

import java.util.ArrayList;
import java.util.List;

/**
 * Auto Scaling groups carrying the run-id tag: listed with a tag filter (every page), each scaled to
 * 0/0/0 and then force-deleted. Groups already being deleted are left to finish.
 */
final class TaggedScalingGroups implements CloudResources {
    static final String KIND = "autoscaling-group";
    private static final String DELETING = "Delete in progress";

    private final AutoScalingClient autoScaling;
    private final String tagKey;

    TaggedScalingGroups(AutoScalingClient autoScaling, String tagKey) {
        this.autoScaling = autoScaling;
        this.tagKey = tagKey;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String scope() {
        return "groups tagged " + tagKey;
    }

    @Override
    public List<CloudResource> find(RunSelection selection) {
        Filter tag = selection.single()
                .map(run -> Filter.builder().name("tag:" + tagKey).values(run.value()).build())
                .orElseGet(() -> Filter.builder().name("tag-key").values(tagKey).build());
        List<CloudResource> matched = new ArrayList<>();
        for (AutoScalingGroup group : autoScaling.describeAutoScalingGroupsPaginator(r -> r.filters(tag))
                .autoScalingGroups()) {
            if (!DELETING.equals(group.status())) {
                selection.ownerByTag(tagValue(group)).ifPresent(owner ->
                        matched.add(new CloudResource(KIND, group.autoScalingGroupName(), owner)));
            }
        }
        return matched;
    }

    @Override
    public void remove(CloudResource group) {
        try {
            autoScaling.updateAutoScalingGroup(r -> r.autoScalingGroupName(group.id())
                    .minSize(0).maxSize(0).desiredCapacity(0));
            autoScaling.deleteAutoScalingGroup(r -> r.autoScalingGroupName(group.id()).forceDelete(true));
        } catch (AutoScalingException e) {
            if (!AwsErrors.saysNotFound(e, "ValidationError")) {
                throw e;
            }
        }
    }

    private String tagValue(AutoScalingGroup group) {
        return group.tags().stream().filter(t -> tagKey.equals(t.key())).map(TagDescription::value)
                .findFirst().orElse(null);
    }
}
