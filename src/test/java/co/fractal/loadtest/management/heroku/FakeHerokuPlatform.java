package co.fractal.loadtest.management.heroku;

import co.fractal.loadtest.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stateful stand-in for the Heroku Platform API's formation endpoints ({@code GET} and {@code PATCH}
 * {@code /apps/{app}/formation/{type}}), as a WireMock transformer. It insists on the version-3 Accept
 * header and the bearer key, checks PATCH bodies and dyno sizes, and can answer a number of 429s, a fixed
 * error status, or late.
 */
final class FakeHerokuPlatform implements ResponseDefinitionTransformerV2 {
    static final String NAME = "fake-heroku";
    static final String ACCEPT = "application/vnd.heroku+json; version=3";
    private static final Pattern PATH = Pattern.compile("/apps/([^/]+)/formation/([^/]+)");
    private static final Set<String> SIZES = Set.of("eco", "basic", "standard-1x", "standard-2x", "performance-m",
            "performance-l", "performance-l-ram", "performance-xl", "performance-2xl");
    private final String apiKey;
    private final Map<String, ObjectNode> formations = new HashMap<>();
    private int rateLimited;
    private int failingStatus;
    private int delayMillis;
    private int patches;

    FakeHerokuPlatform(String apiKey) {
        this.apiKey = apiKey;
    }

    // ---- arranging and inspecting state (tests)

    synchronized void formation(String app, String type, String size, int quantity) {
        formations.put(app + "/" + type, Json.MAPPER.createObjectNode().put("quantity", quantity).put("size", size));
    }

    /** The formation now, as "quantity × size". */
    synchronized String formation(String app, String type) {
        ObjectNode formation = formations.get(app + "/" + type);
        return formation.get("quantity").asInt() + " × " + formation.get("size").asText();
    }

    /** The next {@code times} requests are answered 429. */
    synchronized void rateLimit(int times) {
        rateLimited = times;
    }

    /** Every request is answered with this status (0: normal answers). */
    synchronized void failWith(int status) {
        failingStatus = status;
    }

    /** Every answer comes this late. */
    synchronized void delay(int millis) {
        delayMillis = millis;
    }

    synchronized int patches() {
        return patches;
    }

    // ---- the wire

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        ResponseDefinition answer = answer(event.getRequest());
        return delayMillis == 0 ? answer : ResponseDefinitionBuilder.like(answer).withFixedDelay(delayMillis).build();
    }

    private ResponseDefinition answer(Request request) {
        if (!ACCEPT.equals(request.getHeader("Accept"))) {
            return error(400, "bad_request", "Please specify a version along with Heroku's API MIME type.");
        }
        if (!("Bearer " + apiKey).equals(request.getHeader("Authorization"))) {
            return error(401, "unauthorized", "Invalid credentials provided.");
        }
        if (rateLimited > 0) {
            rateLimited--;
            return error(429, "rate_limit", "Your account reached the API rate limit. Please wait a few minutes.");
        }
        if (failingStatus != 0) {
            return error(failingStatus, "service_unavailable", "Heroku is having trouble.");
        }
        Matcher path = PATH.matcher(request.getUrl());
        ObjectNode formation = path.matches() ? formations.get(path.group(1) + "/" + path.group(2)) : null;
        if (formation == null) {
            return error(404, "not_found", "Couldn't find that formation.");
        }
        if (request.getMethod().equals(RequestMethod.PATCH)) {
            return patch(request, formation);
        }
        return request.getMethod().equals(RequestMethod.GET) ? ok(path, formation)
                : error(405, "method_not_allowed", "Method not allowed.");
    }

    private ResponseDefinition patch(Request request, ObjectNode formation) {
        if (!"application/json".equals(request.getHeader("Content-Type"))) {
            return error(400, "bad_request", "Content-Type must be application/json.");
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(request.getBodyAsString());
        } catch (IOException e) {
            return error(400, "bad_request", "Invalid Json.MAPPER.");
        }
        if (body.has("size") && !SIZES.contains(body.get("size").asText().toLowerCase(Locale.ROOT))) {
            return error(422, "invalid_params", "Size is not valid.");
        }
        patches++;
        if (body.has("size")) {
            formation.put("size", body.get("size").asText());
        }
        if (body.has("quantity")) {
            formation.put("quantity", body.get("quantity").asInt());
        }
        Matcher path = PATH.matcher(request.getUrl());
        path.matches();
        return ok(path, formation);
    }

    private static ResponseDefinition ok(Matcher path, ObjectNode formation) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putObject("app").put("id", "01234567-89ab-cdef-0123-456789abcdef").put("name", path.group(1));
        body.put("command", "gunicorn app:app").put("id", "fedcba98-7654-3210-fedc-ba9876543210")
                .put("quantity", formation.get("quantity").asInt()).put("size", formation.get("size").asText())
                .put("type", path.group(2)).put("created_at", "2021-04-01T12:00:00Z").put("updated_at", "2026-11-24T11:34:00Z");
        return json(200, body);
    }

    private static ResponseDefinition error(int status, String id, String message) {
        return json(status, Json.MAPPER.createObjectNode().put("id", id).put("message", message));
    }

    private static ResponseDefinition json(int status, JsonNode body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body.toString()).build();
    }
}
