package co.fractal.loadtest.management.cloud;

import co.fractal.loadtest.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A stateful ECS (JSON 1.1): clusters with tags, tasks with {@code startedBy}, tags and a desired status,
 * and container instances. ListTasks lists only tasks whose desired status is RUNNING, in pages over the
 * current list; DescribeTasks refuses more than 100 tasks and returns tags only when asked for.
 */
final class FakeEcs {
    private static final String ACCOUNT = "123456789012";

    private final String region;
    private final int pageSize;
    private final Map<String, EcsCluster> clusters = new LinkedHashMap<>();
    private int serial;

    private static final class EcsCluster {
        final String name;
        final String arn;
        Map<String, String> tags;
        String status = "ACTIVE";
        final Map<String, EcsTask> tasks = new LinkedHashMap<>();
        final List<String> containerInstances = new ArrayList<>();

        EcsCluster(String name, String arn, Map<String, String> tags) {
            this.name = name;
            this.arn = arn;
            this.tags = tags;
        }
    }

    private static final class EcsTask {
        final String arn;
        final String startedBy;
        final Map<String, String> tags;
        String desiredStatus = "RUNNING";
        String lastStatus = "RUNNING";

        EcsTask(String arn, String startedBy, Map<String, String> tags) {
            this.arn = arn;
            this.startedBy = startedBy;
            this.tags = tags;
        }
    }

    FakeEcs(String region, int pageSize) {
        this.region = region;
        this.pageSize = pageSize;
    }

    // ---- arranging and inspecting state (tests)

    /** An active cluster with these tags; an existing one keeps its tasks and instances and gets the new tags. */
    synchronized void cluster(String name, Map<String, String> tags) {
        clusters.computeIfAbsent(name, n -> new EcsCluster(n, "arn:aws:ecs:" + region + ":" + ACCOUNT + ":cluster/" + n,
                tags)).tags = tags;
    }

    /** A running task; returns its ARN. {@code startedBy} may be null. */
    synchronized String task(String cluster, String startedBy, Map<String, String> tags) {
        String arn = "arn:aws:ecs:" + region + ":" + ACCOUNT + ":task/" + cluster + "/" + String.format("%032x", ++serial);
        clusters.get(cluster).tasks.put(arn, new EcsTask(arn, startedBy, tags));
        return arn;
    }

    synchronized String containerInstance(String cluster) {
        String arn = "arn:aws:ecs:" + region + ":" + ACCOUNT + ":container-instance/" + cluster + "/"
                + String.format("%032x", ++serial);
        clusters.get(cluster).containerInstances.add(arn);
        return arn;
    }

    synchronized Set<String> runningTasks(String cluster) {
        return clusters.get(cluster).tasks.values().stream().filter(t -> t.desiredStatus.equals("RUNNING"))
                .map(t -> t.arn).collect(Collectors.toCollection(TreeSet::new));
    }

    synchronized String clusterStatus(String cluster) {
        return clusters.get(cluster).status;
    }

    synchronized List<String> containerInstances(String cluster) {
        return List.copyOf(clusters.get(cluster).containerInstances);
    }

    // ---- the wire

    synchronized ResponseDefinition handle(String operation, JsonNode request, AwsFaults faults) {
        if (faults.takeThrottle(operation)) {
            return AwsWire.jsonError(400, "ThrottlingException", "Rate exceeded");
        }
        Optional<AwsFaults.AwsError> error = faults.error(operation, resourceOf(operation, request));
        if (error.isPresent()) {
            return AwsWire.jsonError(error.get().status(), error.get().code(), error.get().message());
        }
        return switch (operation) {
            case "ListTasks" -> listTasks(request);
            case "DescribeTasks" -> describeTasks(request);
            case "StopTask" -> stopTask(request);
            case "DescribeClusters" -> describeClusters(request);
            case "ListContainerInstances" -> listContainerInstances(request);
            case "DeregisterContainerInstance" -> deregisterContainerInstance(request);
            case "DeleteCluster" -> deleteCluster(request);
            default -> AwsWire.jsonError(400, "InvalidAction", "the fake ECS does not know " + operation);
        };
    }

    private static String resourceOf(String operation, JsonNode request) {
        return switch (operation) {
            case "StopTask" -> request.path("task").asText();
            case "DeregisterContainerInstance" -> request.path("containerInstance").asText();
            default -> request.path("cluster").asText();
        };
    }

    private ResponseDefinition listTasks(JsonNode request) {
        Optional<EcsCluster> cluster = activeCluster(request.path("cluster").asText("default"));
        if (cluster.isEmpty()) {
            return clusterNotFound();
        }
        String desired = request.path("desiredStatus").asText("RUNNING");
        List<String> arns = cluster.get().tasks.values().stream().filter(t -> t.desiredStatus.equals(desired))
                .map(t -> t.arn).toList();
        AwsWire.Page<String> page = AwsWire.page(arns, textOrNull(request, "nextToken"), pageSize(request));
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.putArray("taskArns").addAll(page.items().stream().map(Json.MAPPER.getNodeFactory()::textNode).toList());
        if (page.nextToken() != null) {
            answer.put("nextToken", page.nextToken());
        }
        return AwsWire.json(200, answer);
    }

    private ResponseDefinition describeTasks(JsonNode request) {
        Optional<EcsCluster> cluster = activeCluster(request.path("cluster").asText("default"));
        if (cluster.isEmpty()) {
            return clusterNotFound();
        }
        if (request.path("tasks").size() > 100) {
            return AwsWire.jsonError(400, "InvalidParameterException", "Tasks cannot be longer than 100.");
        }
        boolean withTags = contains(request.path("include"), "TAGS");
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ArrayNode tasks = answer.putArray("tasks");
        ArrayNode failures = answer.putArray("failures");
        for (JsonNode arn : request.path("tasks")) {
            EcsTask task = cluster.get().tasks.get(arn.asText());
            if (task == null) {
                failures.addObject().put("arn", arn.asText()).put("reason", "MISSING");
            } else {
                tasks.add(taskJson(cluster.get(), task, withTags));
            }
        }
        return AwsWire.json(200, answer);
    }

    private ResponseDefinition stopTask(JsonNode request) {
        Optional<EcsCluster> cluster = activeCluster(request.path("cluster").asText("default"));
        if (cluster.isEmpty()) {
            return clusterNotFound();
        }
        EcsTask task = cluster.get().tasks.get(request.path("task").asText());
        if (task == null) {
            return AwsWire.jsonError(400, "InvalidParameterException", "The referenced task was not found.");
        }
        task.desiredStatus = "STOPPED";
        task.lastStatus = "STOPPED";
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.set("task", taskJson(cluster.get(), task, false));
        return AwsWire.json(200, answer);
    }

    private ResponseDefinition describeClusters(JsonNode request) {
        boolean withTags = contains(request.path("include"), "TAGS");
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ArrayNode found = answer.putArray("clusters");
        ArrayNode failures = answer.putArray("failures");
        for (JsonNode name : request.path("clusters")) {
            EcsCluster cluster = byNameOrArn(name.asText());
            if (cluster == null) {
                failures.addObject().put("arn", "arn:aws:ecs:" + region + ":" + ACCOUNT + ":cluster/" + name.asText())
                        .put("reason", "MISSING");
            } else {
                found.add(clusterJson(cluster, withTags));
            }
        }
        return AwsWire.json(200, answer);
    }

    private ResponseDefinition listContainerInstances(JsonNode request) {
        Optional<EcsCluster> cluster = activeCluster(request.path("cluster").asText("default"));
        if (cluster.isEmpty()) {
            return clusterNotFound();
        }
        AwsWire.Page<String> page = AwsWire.page(cluster.get().containerInstances, textOrNull(request, "nextToken"),
                pageSize(request));
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.putArray("containerInstanceArns")
                .addAll(page.items().stream().map(Json.MAPPER.getNodeFactory()::textNode).toList());
        if (page.nextToken() != null) {
            answer.put("nextToken", page.nextToken());
        }
        return AwsWire.json(200, answer);
    }

    private ResponseDefinition deregisterContainerInstance(JsonNode request) {
        Optional<EcsCluster> cluster = activeCluster(request.path("cluster").asText("default"));
        if (cluster.isEmpty()) {
            return clusterNotFound();
        }
        String arn = request.path("containerInstance").asText();
        if (!cluster.get().containerInstances.remove(arn)) {
            return AwsWire.jsonError(400, "InvalidParameterException", "The referenced container instance was not found.");
        }
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.putObject("containerInstance").put("containerInstanceArn", arn).put("status", "INACTIVE");
        return AwsWire.json(200, answer);
    }

    private ResponseDefinition deleteCluster(JsonNode request) {
        Optional<EcsCluster> cluster = activeCluster(request.path("cluster").asText());
        if (cluster.isEmpty()) {
            return clusterNotFound();
        }
        if (!cluster.get().containerInstances.isEmpty()) {
            return AwsWire.jsonError(400, "ClusterContainsContainerInstancesException",
                    "The Cluster cannot be deleted while Container Instances are active or draining.");
        }
        if (cluster.get().tasks.values().stream().anyMatch(t -> t.desiredStatus.equals("RUNNING"))) {
            return AwsWire.jsonError(400, "ClusterContainsTasksException",
                    "The Cluster cannot be deleted while Tasks are active.");
        }
        cluster.get().status = "INACTIVE";
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.set("cluster", clusterJson(cluster.get(), false));
        return AwsWire.json(200, answer);
    }

    private ObjectNode taskJson(EcsCluster cluster, EcsTask task, boolean withTags) {
        ObjectNode json = Json.MAPPER.createObjectNode().put("taskArn", task.arn).put("clusterArn", cluster.arn)
                .put("lastStatus", task.lastStatus).put("desiredStatus", task.desiredStatus).put("launchType", "EC2");
        if (task.startedBy != null) {
            json.put("startedBy", task.startedBy);
        }
        if (withTags) {
            ArrayNode tags = json.putArray("tags");
            task.tags.forEach((k, v) -> tags.addObject().put("key", k).put("value", v));
        }
        return json;
    }

    private ObjectNode clusterJson(EcsCluster cluster, boolean withTags) {
        ObjectNode json = Json.MAPPER.createObjectNode().put("clusterArn", cluster.arn).put("clusterName", cluster.name)
                .put("status", cluster.status)
                .put("registeredContainerInstancesCount", cluster.containerInstances.size())
                .put("runningTasksCount", (int) cluster.tasks.values().stream()
                        .filter(t -> t.desiredStatus.equals("RUNNING")).count());
        if (withTags) {
            ArrayNode tags = json.putArray("tags");
            cluster.tags.forEach((k, v) -> tags.addObject().put("key", k).put("value", v));
        }
        return json;
    }

    private Optional<EcsCluster> activeCluster(String nameOrArn) {
        return Optional.ofNullable(byNameOrArn(nameOrArn)).filter(c -> c.status.equals("ACTIVE"));
    }

    private EcsCluster byNameOrArn(String nameOrArn) {
        return clusters.values().stream().filter(c -> c.name.equals(nameOrArn) || c.arn.equals(nameOrArn))
                .findFirst().orElse(null);
    }

    private int pageSize(JsonNode request) {
        return request.has("maxResults") ? Math.min(pageSize, request.get("maxResults").asInt()) : pageSize;
    }

    private static ResponseDefinition clusterNotFound() {
        return AwsWire.jsonError(400, "ClusterNotFoundException", "Cluster not found.");
    }

    private static String textOrNull(JsonNode request, String field) {
        return request.hasNonNull(field) ? request.get(field).asText() : null;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
