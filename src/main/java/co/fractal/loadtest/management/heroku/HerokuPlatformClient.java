package co.fractal.loadtest.management.heroku;

import co.fractal.loadtest.config.Durations;
import co.fractal.loadtest.config.HerokuSettings;
import co.fractal.loadtest.config.Secret;
import co.fractal.loadtest.json.Json;
import co.fractal.loadtest.management.RetryPolicies;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.retry.Retry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * The Heroku Platform API's formation endpoints: read one process type's formation, and update its size
 * and quantity. Every request is bounded by the configured timeout; a 429 is retried as
 * {@link RetryPolicies#herokuRateLimit} says. Errors are {@link HerokuApiException}s that never carry the API key.
 */
public final class HerokuPlatformClient {
    private static final String ACCEPT = "application/vnd.heroku+json; version=3";

    private final HttpClient http;
    private final URI apiUrl;
    private final Secret apiKey;
    private final Duration timeout;
    private final Retry rateLimit;

    /**
     * A client for the settings' API URL and key.
     *
     * @throws IllegalArgumentException when the settings hold no API key
     */
    public HerokuPlatformClient(HerokuSettings settings) {
        this.apiKey = settings.apiKey().orElseThrow(() -> new IllegalArgumentException(
                "the Heroku Platform API needs " + HerokuSettings.API_KEY_ENV + " in the environment"));
        this.apiUrl = settings.apiUrl();
        this.timeout = settings.timeout();
        this.rateLimit = RetryPolicies.herokuRateLimit(settings);
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The app's current formation of {@code processType}. */
    public Formation formation(String app, String processType) {
        return send(app, processType, "GET", HttpRequest.BodyPublishers.noBody());
    }

    /** Sets the formation's size and quantity; returns the formation Heroku reports afterwards. */
    public Formation update(String app, String processType, String size, int quantity) {
        String body;
        try {
            body = Json.MAPPER.writeValueAsString(Map.of("quantity", quantity, "size", size));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a formation update", e);
        }
        return send(app, processType, "PATCH", HttpRequest.BodyPublishers.ofString(body));
    }

    private Formation send(String app, String processType, String method, HttpRequest.BodyPublisher body) {
        String path = "/apps/" + segment(app) + "/formation/" + segment(processType);
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + path))
                .timeout(timeout)
                .header("Accept", ACCEPT)
                .header("Authorization", "Bearer " + apiKey.reveal())
                .header("Content-Type", "application/json")
                .method(method, body)
                .build();
        String what = method + " " + path;
        HttpResponse<String> response;
        try {
            response = rateLimit.executeSupplier(() -> exchange(request, what));
        } catch (CancellationException e) {
            throw new HerokuApiException("interrupted while waiting to retry " + what, e);
        }
        if (response.statusCode() == 200) {
            return formation(app, processType, response.body(), what);
        }
        throw failure(app, processType, what, response.statusCode(), response.body(),
                rateLimit.getRetryConfig().getMaxAttempts());
    }

    private HttpResponse<String> exchange(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new HerokuApiException("Heroku Platform API did not answer " + what + " within "
                    + Durations.describe(timeout), e);
        } catch (IOException e) {
            throw new HerokuApiException("could not reach the Heroku Platform API at " + apiUrl + " for " + what
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HerokuApiException("interrupted while waiting for Heroku: " + what, e);
        }
    }

    private static HerokuApiException failure(String app, String processType, String what, int status, String body,
                                              int attempts) {
        String message = switch (status) {
            case 401, 403 -> "Heroku rejected " + HerokuSettings.API_KEY_ENV + " for app " + app + " (" + status + ")";
            case 404 -> "Heroku has no app " + app + " with a " + processType + " formation (404"
                    + herokuMessage(body) + ")";
            case 429 -> "Heroku rate limit: " + what + " still answered 429 after " + attempts + " attempts";
            default -> status >= 500
                    ? "Heroku Platform API failed: " + what + " answered " + status
                    : "Heroku refused " + what + " (" + status + herokuMessage(body) + ")";
        };
        return new HerokuApiException(message, status);
    }

    private static Formation formation(String app, String processType, String body, String what) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node != null && node.path("size").isTextual() && node.path("quantity").canConvertToInt()) {
                return new Formation(app, processType, node.get("size").asText(), node.get("quantity").asInt());
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new HerokuApiException("Heroku answered " + what + " without a formation's size and quantity", 200);
    }

    // Heroku's own explanation of an error, e.g. ": Couldn't find that app."
    private static String herokuMessage(String body) {
        try {
            JsonNode message = Json.MAPPER.readTree(body).path("message");
            return message.isTextual() ? ": " + message.asText() : "";
        } catch (JsonProcessingException | RuntimeException e) {
            return "";
        }
    }

    private static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
