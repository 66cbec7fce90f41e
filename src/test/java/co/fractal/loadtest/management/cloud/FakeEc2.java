package co.fractal.loadtest.management.cloud;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A stateful EC2 (Query protocol, XML in the 2016-11-15 namespace): instances with a state and tags.
 * DescribeInstances understands the filters {@code tag:<key>}, {@code tag-key} and
 * {@code instance-state-name} and pages over the current list; TerminateInstances moves an instance to
 * shutting-down and answers InvalidInstanceID.NotFound for unknown ids.
 */
final class FakeEc2 {
    private static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private static final Map<String, Integer> STATE_CODES = Map.of("pending", 0, "running", 16, "shutting-down", 32,
            "terminated", 48, "stopping", 64, "stopped", 80);

    private final int pageSize;
    private final Map<String, Ec2Instance> instances = new LinkedHashMap<>();
    private int serial;

    private static final class Ec2Instance {
        final String id;
        final Map<String, String> tags;
        String state;

        Ec2Instance(String id, String state, Map<String, String> tags) {
            this.id = id;
            this.state = state;
            this.tags = tags;
        }
    }

    FakeEc2(int pageSize) {
        this.pageSize = pageSize;
    }

    // ---- arranging and inspecting state (tests)

    /** A running instance; returns its id. */
    synchronized String instance(Map<String, String> tags) {
        return instance("running", tags);
    }

    synchronized String instance(String state, Map<String, String> tags) {
        String id = String.format("i-%017x", ++serial);
        instances.put(id, new Ec2Instance(id, state, tags));
        return id;
    }

    synchronized String state(String id) {
        return instances.get(id).state;
    }

    // ---- the wire

    synchronized ResponseDefinition handle(String action, Map<String, String> form, AwsFaults faults) {
        if (faults.takeThrottle(action)) {
            return error(503, "RequestLimitExceeded", "Request limit exceeded.");
        }
        return switch (action) {
            case "DescribeInstances" -> faults.error(action, AwsFaults.ANY)
                    .map(e -> error(e.status(), e.code(), e.message()))
                    .orElseGet(() -> describeInstances(form));
            case "TerminateInstances" -> terminateInstances(form, faults);
            default -> error(400, "InvalidAction", "The action " + action + " is not valid for this web service.");
        };
    }

    private ResponseDefinition describeInstances(Map<String, String> form) {
        Predicate<Ec2Instance> filter = i -> true;
        for (int n = 1; form.containsKey("Filter." + n + ".Name"); n++) {
            String name = form.get("Filter." + n + ".Name");
            List<String> values = AwsWire.list(form, "Filter." + n + ".Value.");
            Optional<Predicate<Ec2Instance>> one = filter(name, values);
            if (one.isEmpty()) {
                return error(400, "InvalidParameterValue", "The filter '" + name + "' is invalid");
            }
            filter = filter.and(one.get());
        }
        int size = pageSize;
        if (form.containsKey("MaxResults")) {
            int max = Integer.parseInt(form.get("MaxResults"));
            if (max < 5 || max > 1000) {
                return error(400, "InvalidParameterValue", "Value (" + max + ") for parameter maxResults is invalid.");
            }
            size = Math.min(size, max);
        }
        List<Ec2Instance> matching = instances.values().stream().filter(filter).toList();
        AwsWire.Page<Ec2Instance> page = AwsWire.page(matching, form.get("NextToken"), size);
        StringBuilder xml = new StringBuilder("<DescribeInstancesResponse xmlns=\"" + NAMESPACE + "\">")
                .append("<requestId>").append(AwsWire.REQUEST_ID).append("</requestId><reservationSet>");
        for (Ec2Instance instance : page.items()) {
            xml.append("<item><reservationId>r-").append(instance.id.substring(2)).append("</reservationId>")
                    .append("<ownerId>123456789012</ownerId><groupSet/><instancesSet><item>")
                    .append("<instanceId>").append(instance.id).append("</instanceId>")
                    .append("<imageId>ami-0abcdef1234567890</imageId>")
                    .append(state("instanceState", instance.state))
                    .append("<instanceType>g3.4xlarge</instanceType><tagSet>");
            instance.tags.forEach((k, v) -> xml.append("<item><key>").append(AwsWire.escape(k)).append("</key><value>")
                    .append(AwsWire.escape(v)).append("</value></item>"));
            xml.append("</tagSet></item></instancesSet></item>");
        }
        xml.append("</reservationSet>");
        if (page.nextToken() != null) {
            xml.append("<nextToken>").append(page.nextToken()).append("</nextToken>");
        }
        return AwsWire.xml(200, xml.append("</DescribeInstancesResponse>").toString());
    }

    private ResponseDefinition terminateInstances(Map<String, String> form, AwsFaults faults) {
        List<String> ids = AwsWire.list(form, "InstanceId.");
        for (String id : ids) {
            Optional<AwsFaults.AwsError> failure = faults.error("TerminateInstances", id);
            if (failure.isPresent()) {
                return error(failure.get().status(), failure.get().code(), failure.get().message());
            }
            if (!instances.containsKey(id)) {
                return error(400, "InvalidInstanceID.NotFound", "The instance ID '" + id + "' does not exist");
            }
        }
        StringBuilder xml = new StringBuilder("<TerminateInstancesResponse xmlns=\"" + NAMESPACE + "\">")
                .append("<requestId>").append(AwsWire.REQUEST_ID).append("</requestId><instancesSet>");
        for (String id : ids) {
            Ec2Instance instance = instances.get(id);
            String previous = instance.state;
            if (!previous.equals("terminated")) {
                instance.state = "shutting-down";
            }
            xml.append("<item><instanceId>").append(id).append("</instanceId>")
                    .append(state("currentState", instance.state)).append(state("previousState", previous)).append("</item>");
        }
        return AwsWire.xml(200, xml.append("</instancesSet></TerminateInstancesResponse>").toString());
    }

    private static Optional<Predicate<Ec2Instance>> filter(String name, List<String> values) {
        if (name.startsWith("tag:")) {
            String key = name.substring(4);
            return Optional.of(i -> values.contains(i.tags.get(key)));
        }
        return switch (name) {
            case "tag-key" -> Optional.of(i -> values.stream().anyMatch(i.tags::containsKey));
            case "instance-state-name" -> Optional.of(i -> values.contains(i.state));
            default -> Optional.empty();
        };
    }

    private static String state(String element, String name) {
        return "<" + element + "><code>" + STATE_CODES.get(name) + "</code><name>" + name + "</name></" + element + ">";
    }

    private static ResponseDefinition error(int status, String code, String message) {
        return AwsWire.xml(status, "<Response><Errors><Error><Code>" + code + "</Code><Message>" + AwsWire.escape(message)
                + "</Message></Error></Errors><RequestID>" + AwsWire.REQUEST_ID + "</RequestID></Response>");
    }
}
