package co.fractal.loadtest.management.cloud;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A stateful Auto Scaling (Query protocol, XML in the 2011-01-01 namespace): groups with a capacity, tags
 * and a status. DescribeAutoScalingGroups understands the filters {@code tag:<key>}, {@code tag-key} and
 * {@code tag-value} and pages over the current list. A forced delete leaves the group listed as
 * "Delete in progress", as AWS does while its instances terminate; updating such a group is refused.
 */
final class FakeAutoScaling {
    private static final String NAMESPACE = "http://autoscaling.amazonaws.com/doc/2011-01-01/";
    static final String DELETING = "Delete in progress";

    private final int pageSize;
    private final Map<String, Group> groups = new LinkedHashMap<>();

    private static final class Group {
        final String name;
        final Map<String, String> tags;
        int min = 1;
        int max = 10;
        int desired = 2;
        String status;
        String capacityWhenDeleted;

        Group(String name, Map<String, String> tags) {
            this.name = name;
            this.tags = tags;
        }

        /** The capacity as min/max/desired, e.g. "0/0/0". */
        String capacity() {
            return min + "/" + max + "/" + desired;
        }
    }

    FakeAutoScaling(int pageSize) {
        this.pageSize = pageSize;
    }

    // ---- arranging and inspecting state (tests)

    synchronized void group(String name, Map<String, String> tags) {
        groups.put(name, new Group(name, tags));
    }

    /** Null while the group is not being deleted, else "Delete in progress". */
    synchronized String status(String name) {
        return groups.get(name).status;
    }

    /** The group's min/max/desired capacity when it was deleted, null if it was not. */
    synchronized String capacityWhenDeleted(String name) {
        return groups.get(name).capacityWhenDeleted;
    }

    // ---- the wire

    synchronized ResponseDefinition handle(String action, Map<String, String> form, AwsFaults faults) {
        if (faults.takeThrottle(action)) {
            return error(400, "Throttling", "Rate exceeded");
        }
        Optional<AwsFaults.AwsError> failure = faults.error(action, form.getOrDefault("AutoScalingGroupName", AwsFaults.ANY));
        if (failure.isPresent()) {
            return error(failure.get().status(), failure.get().code(), failure.get().message());
        }
        return switch (action) {
            case "DescribeAutoScalingGroups" -> describe(form);
            case "UpdateAutoScalingGroup" -> update(form);
            case "DeleteAutoScalingGroup" -> delete(form);
            default -> error(400, "InvalidAction", "Could not find operation " + action);
        };
    }

    private ResponseDefinition describe(Map<String, String> form) {
        Predicate<Group> filter = g -> true;
        for (int n = 1; form.containsKey("Filters.member." + n + ".Name"); n++) {
            String name = form.get("Filters.member." + n + ".Name");
            List<String> values = AwsWire.list(form, "Filters.member." + n + ".Values.member.");
            Optional<Predicate<Group>> one = filter(name, values);
            if (one.isEmpty()) {
                return error(400, "ValidationError", "Filter " + name + " is not supported.");
            }
            filter = filter.and(one.get());
        }
        List<String> names = AwsWire.list(form, "AutoScalingGroupNames.member.");
        if (!names.isEmpty()) {
            filter = filter.and(g -> names.contains(g.name));
        }
        int size = form.containsKey("MaxRecords") ? Math.min(pageSize, Integer.parseInt(form.get("MaxRecords"))) : pageSize;
        AwsWire.Page<Group> page = AwsWire.page(groups.values().stream().filter(filter).toList(), form.get("NextToken"), size);
        StringBuilder xml = new StringBuilder("<DescribeAutoScalingGroupsResponse xmlns=\"" + NAMESPACE + "\">")
                .append("<DescribeAutoScalingGroupsResult><AutoScalingGroups>");
        for (Group group : page.items()) {
            xml.append("<member><AutoScalingGroupName>").append(AwsWire.escape(group.name)).append("</AutoScalingGroupName>")
                    .append("<AutoScalingGroupARN>arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:")
                    .append("00000000-0000-0000-0000-000000000000:autoScalingGroupName/").append(AwsWire.escape(group.name))
                    .append("</AutoScalingGroupARN><MinSize>").append(group.min).append("</MinSize><MaxSize>")
                    .append(group.max).append("</MaxSize><DesiredCapacity>").append(group.desired)
                    .append("</DesiredCapacity><DefaultCooldown>300</DefaultCooldown>")
                    .append("<AvailabilityZones><member>us-east-1a</member></AvailabilityZones>")
                    .append("<HealthCheckType>EC2</HealthCheckType><CreatedTime>2026-11-24T11:34:00.000Z</CreatedTime>");
            if (group.status != null) {
                xml.append("<Status>").append(group.status).append("</Status>");
            }
            xml.append("<Tags>");
            group.tags.forEach((k, v) -> xml.append("<member><ResourceId>").append(AwsWire.escape(group.name))
                    .append("</ResourceId><ResourceType>auto-scaling-group</ResourceType><Key>").append(AwsWire.escape(k))
                    .append("</Key><Value>").append(AwsWire.escape(v))
                    .append("</Value><PropagateAtLaunch>true</PropagateAtLaunch></member>"));
            xml.append("</Tags></member>");
        }
        xml.append("</AutoScalingGroups>");
        if (page.nextToken() != null) {
            xml.append("<NextToken>").append(page.nextToken()).append("</NextToken>");
        }
        return AwsWire.xml(200, xml.append("</DescribeAutoScalingGroupsResult>")
                .append(metadata()).append("</DescribeAutoScalingGroupsResponse>").toString());
    }

    private ResponseDefinition update(Map<String, String> form) {
        Group group = groups.get(form.get("AutoScalingGroupName"));
        if (group == null) {
            return notFound(form.get("AutoScalingGroupName"));
        }
        if (group.status != null) {
            return error(400, "ValidationError", "AutoScalingGroup " + group.name + " is pending delete.");
        }
        group.min = Integer.parseInt(form.getOrDefault("MinSize", String.valueOf(group.min)));
        group.max = Integer.parseInt(form.getOrDefault("MaxSize", String.valueOf(group.max)));
        group.desired = Integer.parseInt(form.getOrDefault("DesiredCapacity", String.valueOf(group.desired)));
        return AwsWire.xml(200, "<UpdateAutoScalingGroupResponse xmlns=\"" + NAMESPACE + "\">" + metadata()
                + "</UpdateAutoScalingGroupResponse>");
    }

    private ResponseDefinition delete(Map<String, String> form) {
        Group group = groups.get(form.get("AutoScalingGroupName"));
        if (group == null) {
            return notFound(form.get("AutoScalingGroupName"));
        }
        if (!"true".equals(form.get("ForceDelete")) && group.desired > 0) {
            return error(400, "ResourceInUse", "You cannot delete an AutoScalingGroup while there are instances or "
                    + "pending Spot instance request(s) still in the group.");
        }
        if (group.status == null) {
            group.status = DELETING;
            group.capacityWhenDeleted = group.capacity();
        }
        return AwsWire.xml(200, "<DeleteAutoScalingGroupResponse xmlns=\"" + NAMESPACE + "\">" + metadata()
                + "</DeleteAutoScalingGroupResponse>");
    }

    private static Optional<Predicate<Group>> filter(String name, List<String> values) {
        if (name.startsWith("tag:")) {
            String key = name.substring(4);
            return Optional.of(g -> values.contains(g.tags.get(key)));
        }
        return switch (name) {
            case "tag-key" -> Optional.of(g -> values.stream().anyMatch(g.tags::containsKey));
            case "tag-value" -> Optional.of(g -> g.tags.values().stream().anyMatch(values::contains));
            default -> Optional.empty();
        };
    }

    private static ResponseDefinition notFound(String name) {
        return error(400, "ValidationError", "AutoScalingGroup name not found - AutoScalingGroup '" + name + "' not found");
    }

    private static String metadata() {
        return "<ResponseMetadata><RequestId>" + AwsWire.REQUEST_ID + "</RequestId></ResponseMetadata>";
    }

    private static ResponseDefinition error(int status, String code, String message) {
        return AwsWire.xml(status, "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>Sender</Type><Code>" + code
                + "</Code><Message>" + AwsWire.escape(message) + "</Message></Error><RequestId>" + AwsWire.REQUEST_ID
                + "</RequestId></ErrorResponse>");
    }
}
