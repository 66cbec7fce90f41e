package co.fractal.loadtest.management.cloud;

import co.fractal.loadtest.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The fake's side of the two AWS wire protocols: JSON 1.1 answers (ECS) and Query-protocol forms with XML answers. */
final class AwsWire {
    static final String REQUEST_ID = "5f0c9a4e-1d2b-4c3a-9e8f-0a1b2c3d4e5f";

    private AwsWire() {
    }

    static ResponseDefinition json(int status, Object body) {
        try {
            return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                    .withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withHeader("x-amzn-RequestId", REQUEST_ID)
                    .withBody(Json.MAPPER.writeValueAsString(body)).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON 1.1 error, as ECS answers it. */
    static ResponseDefinition jsonError(int status, String type, String message) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("__type", type).put("message", message);
        return json(status, body);
    }

    static ResponseDefinition xml(int status, String body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "text/xml;charset=UTF-8")
                .withHeader("x-amzn-RequestId", REQUEST_ID)
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body).build();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The values of a Query-protocol list such as {@code InstanceId.1}, {@code InstanceId.2}… ({@code prefix} = "InstanceId."). */
    static List<String> list(Map<String, String> form, String prefix) {
        List<String> values = new ArrayList<>();
        for (int n = 1; form.containsKey(prefix + n); n++) {
            values.add(form.get(prefix + n));
        }
        return values;
    }

    /**
     * One page of {@code items} from an offset token: the next token is the offset of the next page in the
     * list as it is NOW, so a caller that removes items between pages skips some, as with AWS.
     */
    static <T> Page<T> page(List<T> items, String token, int size) {
        int from = token == null ? 0 : Integer.parseInt(token.substring("page-".length()));
        int to = Math.min(items.size(), from + size);
        List<T> slice = from >= items.size() ? List.of() : List.copyOf(items.subList(from, to));
        return new Page<>(slice, to < items.size() ? "page-" + to : null);
    }

    /** One page and the token of the next, null on the last page. */
    record Page<T>(List<T> items, String nextToken) {
    }
}
