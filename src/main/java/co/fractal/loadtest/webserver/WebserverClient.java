package co.fractal.loadtest.webserver;

import co.fractal.loadtest.config.Secret;
import co.fractal.loadtest.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A typed client for the webserver calls management makes (see {@code docs/webserver-api.md}): admin
 * login, test accounts, the admin listings, cancelling assignments and releasing containers. Thread-safe;
 * one instance per target. Every failure is a {@link WebserverException} naming the call and the answer.
 */
public final class WebserverClient {
    private final URI baseUrl;
    private final HttpClient http;
    private final Duration timeout;

    public WebserverClient(URI baseUrl, Duration timeout) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** {@code POST /admin/login}: the admin's access token. */
    public Secret adminLogin(Secret username, Secret password) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("username", username.reveal()).put("password", password.reveal());
        Reply reply = send("admin login", post("/admin/login", body, null));
        if (reply.status == 401 || reply.status == 403) {
            throw new WebserverException("admin login rejected (" + reply.status + "): check the admin credentials", reply.status);
        }
        reply.expect("admin login", 200);
        return Secret.of(Answer.text(reply.json(), "access_token"))
                .orElseThrow(() -> reply.unexpected("admin login", "no access_token in the answer"));
    }

    /** {@code POST /account/register} of a test user. */
    public Registration register(String username, String password) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("username", username).put("password", password)
                .put("name", "Load test user").put("feedback", "").put("encrypted_config_token", "");
        Reply reply = send("register " + username, post("/account/register", body, null));
        if (reply.status == 200) {
            return new Registration(Registration.Outcome.CREATED, Duration.ZERO);
        }
        if (reply.status == 429) {
            return new Registration(Registration.Outcome.RATE_LIMITED, reply.retryAfter());
        }
        if (reply.status == 400 && reply.excerpt().toLowerCase().contains("exist")) {
            return new Registration(Registration.Outcome.EXISTS, Duration.ZERO);
        }
        throw reply.unexpected("register " + username, null);
    }

    /** {@code POST /account/delete}: true when deleted, false when the user was already gone. */
    public boolean deleteAccount(Secret admin, String username) {
        Reply reply = send("delete account " + username,
                post("/account/delete", Json.MAPPER.createObjectNode().put("username", username), admin));
        if (reply.status == 404) {
            return false;
        }
        reply.expect("delete account " + username, 200);
        return true;
    }

    /** {@code POST /container_state/cancel} of a user's assignment. */
    public void cancel(Secret admin, String username, String taskId) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("username", username).put("task", taskId);
        send("cancel task " + taskId, post("/container_state/cancel", body, admin)).expect("cancel task " + taskId, 200);
    }

    /** {@code POST /container/delete}: true when released, false when the container was already gone. */
    public boolean deleteContainer(String containerId, String privateKey) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("container_id", containerId).put("private_key", privateKey);
        Reply reply = send("release container " + containerId, post("/container/delete", body, null));
        if (reply.status == 404) {
            return false;
        }
        reply.expect("release container " + containerId, 202);
        return true;
    }

    /** {@code GET /host_service} for a user. */
    public HostInfo hostService(Secret token, String username) {
        Reply reply = send("host_service for " + username, get("/host_service?username=" + encode(username), token));
        reply.expect("host_service for " + username, 200);
        JsonNode json = reply.json();
        return new HostInfo(Answer.text(json, "ip"), json.path("port").asInt(0), Answer.text(json, "user_app_state"));
    }

    /** {@code GET /admin/users?prefix=}: empty when the webserver lacks this extension. */
    public Optional<List<UserRecord>> users(Secret admin, String prefix) {
        Reply reply = send("list users", get("/admin/users?prefix=" + encode(prefix), admin));
        if (reply.status == 404 || reply.status == 405) {
            return Optional.empty();
        }
        reply.expect("list users", 200);
        List<UserRecord> users = new ArrayList<>();
        for (JsonNode user : reply.json().path("users")) {
            users.add(new UserRecord(Answer.text(user, "username"), user.path("created_timestamp").asLong(0),
                    Answer.text(user, "state"), Answer.text(user, "task_id"), Answer.text(user, "container_id")));
        }
        return Optional.of(users);
    }

    /** {@code GET /admin/containers}: empty when the webserver lacks this extension. */
    /**
     * The prewarmed containers free now in a region ({@code GET /admin/pool}, an extension of the reference
     * webserver); empty on a webserver without it, or when it does not list the region.
     */
    public Optional<Long> freePrewarmed(Secret admin, String region) {
        Reply reply = send("read the pool", get("/admin/pool", admin));
        if (reply.status == 404 || reply.status == 405) {
            return Optional.empty();
        }
        reply.expect("read the pool", 200);
        for (JsonNode pool : reply.json().path("regions")) {
            if (region.equals(Answer.text(pool, "region")) && pool.path("free").isNumber()) {
                return Optional.of(pool.path("free").asLong());
            }
        }
        return Optional.empty();
    }

    public Optional<List<ContainerRecord>> containers(Secret admin) {
        Reply reply = send("list containers", get("/admin/containers", admin));
        if (reply.status == 404 || reply.status == 405) {
            return Optional.empty();
        }
        reply.expect("list containers", 200);
        List<ContainerRecord> containers = new ArrayList<>();
        for (JsonNode row : reply.json().path("containers")) {
            containers.add(new ContainerRecord(Answer.text(row, "container_id"), Answer.text(row, "user_id"),
                    Answer.text(row, "state"), Answer.text(row, "ip"), row.path("port").asInt(0)));
        }
        return Optional.of(containers);
    }

    private HttpRequest post(String path, JsonNode body, Secret token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(baseUrl.getPath() + path)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token.reveal());
        }
        return request.build();
    }

    private HttpRequest get(String pathAndQuery, Secret token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(timeout).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token.reveal());
        }
        return request.build();
    }

    private Reply send(String call, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(request.uri().getPath(), response);
        } catch (IOException e) {
            throw new WebserverException(call + ": cannot reach " + baseUrl + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebserverException(call + ": interrupted", e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** One answer, with the checks every call makes of it. */
    private static final class Reply {
        private final String path;
        private final int status;
        private final HttpResponse<String> response;
        private final Answer answer;

        Reply(String path, HttpResponse<String> response) {
            this.path = path;
            this.status = response.statusCode();
            this.response = response;
            this.answer = new Answer(status, response.body());
        }

        void expect(String call, int expected) {
            if (status != expected) {
                throw unexpected(call, null);
            }
        }

        WebserverException unexpected(String call, String why) {
            return new WebserverException(call + " (" + path + ") answered " + status
                    + (why == null ? "" : ", " + why) + (excerpt().isEmpty() ? "" : ": " + excerpt()), status);
        }

        JsonNode json() {
            JsonNode json = answer.json();
            if (json.isMissingNode()) {
                throw new WebserverException(path + " answered " + status + " with a body that is not JSON: " + excerpt(), status);
            }
            return json;
        }

        String excerpt() {
            return answer.excerpt();
        }

        Duration retryAfter() {
            try {
                return Duration.ofSeconds(Long.parseLong(response.headers().firstValue("Retry-After").orElse("1").trim()));
            } catch (NumberFormatException e) {
                return Duration.ofSeconds(1);
            }
        }
    }
}
