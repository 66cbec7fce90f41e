package co.fractal.loadtest.localserver;

import co.fractal.loadtest.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;

/** One answer in a test: status, body as JSON, headers. */
record Reply(int status, JsonNode json, String body, HttpHeaders headers) {
    static Reply of(HttpResponse<String> response) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(response.body());
        } catch (Exception e) {
            json = MissingNode.getInstance();
        }
        return new Reply(response.statusCode(), json == null ? MissingNode.getInstance() : json, response.body(),
                response.headers());
    }

    /** A text field, or null when absent or JSON null. */
    String text(String field) {
        JsonNode value = json.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
