package co.fractal.loadtest.webserver;

import co.fractal.loadtest.json.Json;
import co.fractal.loadtest.results.Excerpt;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * One HTTP answer from the webserver or the host service: status code and body, read as JSON when it is.
 *
 * @param status the status code
 * @param body   the body as text (empty when none)
 */
public record Answer(int status, String body) {
    private static final int EXCERPT_LENGTH = 200;

    /** The body as JSON; a missing node when it is not JSON. */
    public JsonNode json() {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    /** "status 400: {"error":"unknown app"}", cut to a readable length, on one line. */
    public String describe() {
        String excerpt = excerpt();
        return "status " + status + (excerpt.isEmpty() ? "" : ": " + excerpt);
    }

    /** The body on one line, cut to a readable length. */
    public String excerpt() {
        return Excerpt.of(body, EXCERPT_LENGTH);
    }

    /** A text field of a JSON node, or null when absent or JSON null. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
