package co.fractal.loadtest.management.cloud;

import co.fractal.loadtest.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.FormParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A stateful stand-in for ECS, EC2 and Auto Scaling behind one WireMock endpoint, answering what the real
 * SDK clients send: ECS requests are recognised by {@code X-Amz-Target} (JSON 1.1), EC2 and Auto Scaling
 * requests by their form parameter {@code Action} (Query protocol). Requests must be SigV4-signed with the
 * expected access key, for the expected region and the right service, or they are refused as AWS would.
 */
final class FakeAws implements ResponseDefinitionTransformerV2 {
    static final String NAME = "fake-aws";
    private static final String ECS_TARGET = "AmazonEC2ContainerServiceV20141113.";

    final FakeEcs ecs;
    final FakeEc2 ec2;
    final FakeAutoScaling autoScaling;
    final AwsFaults faults = new AwsFaults();
    private final String accessKeyId;
    private final String region;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    FakeAws(String accessKeyId, String region, int pageSize) {
        this.accessKeyId = accessKeyId;
        this.region = region;
        this.ecs = new FakeEcs(region, pageSize);
        this.ec2 = new FakeEc2(pageSize);
        this.autoScaling = new FakeAutoScaling(pageSize);
    }

    /** How many times an action was called, throttled and refused calls included. */
    int calls(String action) {
        return calls.getOrDefault(action, new AtomicInteger()).get();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        String target = request.getHeader("X-Amz-Target");
        if (target != null && target.startsWith(ECS_TARGET)) {
            String operation = target.substring(ECS_TARGET.length());
            count(operation);
            if (!signedFor(request, "ecs")) {
                return AwsWire.jsonError(400, "UnrecognizedClientException", "The security token included in the request is invalid.");
            }
            return ecs.handle(operation, json(request), faults);
        }
        Map<String, String> form = form(request);
        String action = form.getOrDefault("Action", "");
        count(action);
        return switch (form.getOrDefault("Version", "")) {
            case "2016-11-15" -> signedFor(request, "ec2") ? ec2.handle(action, form, faults)
                    : AwsWire.xml(401, "<Response><Errors><Error><Code>AuthFailure</Code><Message>AWS was not able to "
                    + "validate the provided access credentials</Message></Error></Errors></Response>");
            case "2011-01-01" -> signedFor(request, "autoscaling") ? autoScaling.handle(action, form, faults)
                    : AwsWire.xml(403, "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code>"
                    + "<Message>The security token included in the request is invalid.</Message></Error></ErrorResponse>");
            default -> AwsWire.xml(400, "<Response><Errors><Error><Code>InvalidAction</Code><Message>unknown request"
                    + "</Message></Error></Errors></Response>");
        };
    }

    private void count(String action) {
        calls.computeIfAbsent(action, a -> new AtomicInteger()).incrementAndGet();
    }

    private boolean signedFor(Request request, String service) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && Pattern.compile("AWS4-HMAC-SHA256 Credential=" + Pattern.quote(accessKeyId)
                + "/\\d{8}/" + Pattern.quote(region) + "/" + service + "/aws4_request,.*").matcher(authorization).matches();
    }

    private static JsonNode json(Request request) {
        try {
            return Json.MAPPER.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new IllegalArgumentException("the fake ECS got a body that is not JSON", e);
        }
    }

    private static Map<String, String> form(Request request) {
        Map<String, String> form = new HashMap<>();
        for (Map.Entry<String, FormParameter> parameter : request.formParameters().entrySet()) {
            form.put(parameter.getKey(), parameter.getValue().firstValue());
        }
        return form;
    }
}
