package co.fractal.loadtest.localserver;

import co.fractal.loadtest.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;

import java.io.IOException;

/**
 * A request body read as a JSON object, with typed reads of its keys. Every problem is a 400 naming the key,
 * what it held and what is accepted.
 */
final class JsonBody {
    private final JsonNode object;

    private JsonBody(JsonNode object) {
        this.object = object;
    }

    static JsonBody parse(ByteBuf content) {
        if (!content.isReadable()) {
            throw ApiException.badRequest("the request body is empty; expected a JSON object");
        }
        JsonNode node;
        try (ByteBufInputStream in = new ByteBufInputStream(content.duplicate())) {
            node = Json.MAPPER.readTree((java.io.InputStream) in);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the request body is not valid JSON (" + e.getOriginalMessage()
                    + "); expected a JSON object");
        } catch (IOException e) {
            throw ApiException.badRequest("the request body cannot be read: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("the request body is " + describe(node) + "; expected a JSON object");
        }
        return new JsonBody(node);
    }

    /** A required string. */
    String text(String key) {
        JsonNode value = object.get(key);
        if (value == null) {
            throw missing(key);
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("key " + key + " holds " + describe(value) + "; expected a string");
        }
        return value.textValue();
    }

    /** A string, or the fallback when the key is absent or null. */
    String optionalText(String key, String fallback) {
        JsonNode value = object.get(key);
        return value == null || value.isNull() ? fallback : text(key);
    }

    /** A required string that is not empty. */
    String nonEmptyText(String key) {
        String text = text(key);
        if (text.isEmpty()) {
            throw ApiException.badRequest("key " + key + " is empty; expected a non-empty string");
        }
        return text;
    }

    /** A required boolean. */
    boolean bool(String key) {
        JsonNode value = object.get(key);
        if (value == null) {
            throw missing(key);
        }
        if (!value.isBoolean()) {
            throw ApiException.badRequest("key " + key + " holds " + describe(value) + "; expected true or false");
        }
        return value.booleanValue();
    }

    /** A required boolean, also written as the text true or false in any letter case. */
    boolean flag(String key) {
        JsonNode value = object.get(key);
        if (value != null && value.isTextual() && (value.textValue().equalsIgnoreCase("true")
                || value.textValue().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(value.textValue());
        }
        if (value != null && !value.isBoolean()) {
            throw ApiException.badRequest("key " + key + " holds " + describe(value) + "; expected true or false");
        }
        return bool(key);
    }

    /** A required whole number from 0, also written as a string of its digits. */
    long count(String key) {
        JsonNode value = object.get(key);
        if (value == null) {
            throw missing(key);
        }
        if (value.isIntegralNumber() && value.canConvertToLong() && value.longValue() >= 0) {
            return value.longValue();
        }
        if (value.isTextual() && !value.textValue().isEmpty() && value.textValue().length() <= 18
                && value.textValue().chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Long.parseLong(value.textValue());
        }
        throw ApiException.badRequest("key " + key + " holds " + describe(value)
                + "; expected a whole number from 0, or a string of its digits");
    }

    /** Requires the key, whatever it holds but null. */
    void require(String key) {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            throw missing(key);
        }
    }

    /** True when the key holds a number (of any kind). */
    boolean isNumber(String key) {
        JsonNode value = object.get(key);
        return value != null && value.isNumber();
    }

    /** A required whole number within bounds. */
    int integer(String key, int min, int max) {
        JsonNode value = object.get(key);
        if (value == null) {
            throw missing(key);
        }
        return checkedInteger(key, value, min, max);
    }

    /** A whole number within bounds, or the fallback when the key is absent or null. */
    int optionalInteger(String key, int fallback, int min, int max) {
        JsonNode value = object.get(key);
        return value == null || value.isNull() ? fallback : checkedInteger(key, value, min, max);
    }

    private static int checkedInteger(String key, JsonNode value, int min, int max) {
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            throw ApiException.badRequest("key " + key + " holds " + describe(value) + "; expected a whole number from "
                    + min + " to " + max);
        }
        return value.intValue();
    }

    private static ApiException missing(String key) {
        return ApiException.badRequest("missing key: " + key);
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String text = node.toString();
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " "
                + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
    }
}
