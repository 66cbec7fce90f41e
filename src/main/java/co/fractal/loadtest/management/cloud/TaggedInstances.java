package co.fractal.loadtest.management.cloud;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.util.ArrayList;
import java.util.List;

/**
 * EC2 instances carrying the run-id tag that are pending, running, stopping or stopped: listed with a tag
 * filter (every page), then terminated one by one so a refusal names its instance.
 */
final class TaggedInstances implements CloudResources {
    static final String KIND = "ec2-instance";
    private static final List<String> LIVE_STATES = List.of("pending", "running", "stopping", "stopped");

    private final Ec2Client ec2;
    private final String tagKey;

    TaggedInstances(Ec2Client ec2, String tagKey) {
        this.ec2 = ec2;
        this.tagKey = tagKey;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String scope() {
        return "instances tagged " + tagKey;
    }

    @Override
    public List<CloudResource> find(RunSelection selection) {
        Filter tag = selection.single()
                .map(run -> Filter.builder().name("tag:" + tagKey).values(run.value()).build())
                .orElseGet(() -> Filter.builder().name("tag-key").values(tagKey).build());
        Filter state = Filter.builder().name("instance-state-name").values(LIVE_STATES).build();
        List<CloudResource> matched = new ArrayList<>();
        for (Reservation reservation : ec2.describeInstancesPaginator(r -> r.filters(tag, state)).reservations()) {
            for (Instance instance : reservation.instances()) {
                selection.ownerByTag(tagValue(instance))
                        .ifPresent(owner -> matched.add(new CloudResource(KIND, instance.instanceId(), owner)));
            }
        }
        return matched;
    }

    @Override
    public void remove(CloudResource instance) {
        try {
            ec2.terminateInstances(r -> r.instanceIds(instance.id()));
        } catch (Ec2Exception e) {
            if (!AwsErrors.hasCode(e, "InvalidInstanceID.NotFound")) {
                throw e;
            }
        }
    }

    private String tagValue(Instance instance) {
        return instance.tags().stream().filter(t -> tagKey.equals(t.key())).map(Tag::value).findFirst().orElse(null);
    }
}
