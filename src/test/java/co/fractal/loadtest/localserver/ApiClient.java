package co.fractal.loadtest.localserver;

import co.fractal.loadtest.config.LocalServerSettings;
import com.fasterxml.jackson.databind.JsonNode;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reference webserver started for a test, with clients for it over real HTTP and for its host service over
 * real TLS (trusting its self-signed certificate), logged in as admin. Journey helpers drive the contract's
 * steps the way the load test does.
 */
final class ApiClient implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);
    /** Small delays so the tests run fast. */
    static final Map<String, String> FAST = Map.of("local.prewarmed", "2", "local.spinUpDelay", "50ms",
            "local.prewarmDelay", "20ms", "local.pingDelay", "10ms");
    private static final AtomicInteger USERS = new AtomicInteger();

    final LocalWebserver server;
    final String admin;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final HttpClient https = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).sslContext(trustAll()).build();

    private ApiClient(LocalWebserver server) {
        this.server = server;
        Reply login = post("/admin/login", "{\"username\":\"" + server.adminUsername() + "\",\"password\":\""
                + server.adminPassword() + "\"}", null);
        if (login.status() != 200) {
            throw new AssertionError("admin login failed: " + login);
        }
        this.admin = login.text("access_token");
    }

    /** A server with the fast defaults overridden by {@code properties}. */
    static ApiClient start(Map<String, String> properties) {
        return start(properties, ServerClock.SYSTEM);
    }

    /** A server with the fast defaults overridden by {@code properties}, timing pings by that clock. */
    static ApiClient start(Map<String, String> properties, ServerClock clock) {
        Map<String, String> all = new HashMap<>(FAST);
        all.putAll(properties);
        return new ApiClient(LocalWebserver.start(LocalServerSettings.fromProperties(all), Secrets.token(), clock));
    }

    static ApiClient start() {
        return start(Map.of());
    }

    /** A user name no other test uses. */
    static String newUsername(String prefix) {
        return prefix + "_" + USERS.incrementAndGet();
    }

    // ---- raw requests -----------------------------------------------------------------------------------

    Reply post(String path, String json, String token) {
        return postAsync(path, json, token).join();
    }

    CompletableFuture<Reply> postAsync(String path, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(WAIT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(http, request.build());
    }

    /** A POST with headers (name, value, …) and no token. */
    Reply postWithHeaders(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(WAIT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(http, request.build()).join();
    }

    Reply get(String pathAndQuery, String token) {
        return getAsync(pathAndQuery, token).join();
    }

    CompletableFuture<Reply> getAsync(String pathAndQuery, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery)).timeout(WAIT).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(http, request.build());
    }

    /** Any request to the host service. */
    CompletableFuture<Reply> hostServiceAsync(String method, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.hostServiceUrl() + path)).timeout(WAIT)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return send(https, request);
    }

    Reply hostService(String method, String path, String json) {
        return hostServiceAsync(method, path, json).join();
    }

    private static CompletableFuture<Reply> send(HttpClient client, HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(Reply::of);
    }

    // ---- the contract's steps ---------------------------------------------------------------------------

    /** Registers a user; returns its own token. */
    String register(String username) {
        Reply reply = post("/account/register", registration(username), null);
        if (reply.status() != 200) {
            throw new AssertionError("register " + username + ": " + reply);
        }
        return reply.text("access_token");
    }

    static String registration(String username) {
        return "{\"username\":\"" + username + "\",\"password\":\"pw\",\"name\":\"Test\",\"feedback\":\"\","
                + "\"encrypted_config_token\":\"\"}";
    }

    static String assignment(String username, String region) {
        return "{\"username\":\"" + username + "\",\"app\":\"Google Chrome\",\"region\":\"" + region + "\",\"dpi\":96}";
    }

    /** Assigns with the admin token; returns the task id. */
    String assign(String username, String region) {
        Reply reply = post("/mandelbox/assign", assignment(username, region), admin);
        if (reply.status() != 202) {
            throw new AssertionError("assign " + username + ": " + reply);
        }
        return reply.text("ID");
    }

    /** A new user assigns in the region and its container is handed over (the pool refills, the reaper runs). */
    void handOff(String region) {
        String user = newUsername("handoff");
        register(user);
        assign(user, region);
        if (!"WAITING_FOR_CLIENT_APP".equals(awaitHost(user).text("user_app_state"))) {
            throw new AssertionError("no hand-off to " + user + ": " + hostInfo(user));
        }
    }

    Reply hostInfo(String username) {
        return get("/host_service?username=" + URLEncoder.encode(username, StandardCharsets.UTF_8), admin);
    }

    /** Polls {@code /host_service} until the user's container waits for its client. */
    Reply awaitHost(String username) {
        return Await.until("host of " + username, WAIT, () -> hostInfo(username), r -> r.text("ip") != null
                || "FAILURE".equals(r.text("user_app_state")) || "CANCELLED".equals(r.text("user_app_state")));
    }

    Reply awaitAppState(String username, String state) {
        return Await.until(username + " in state " + state, WAIT, () -> hostInfo(username),
                r -> state.equals(r.text("user_app_state")));
    }

    /** The config token body for what {@code /host_service} said. */
    static String tokenBody(String username, Reply host) {
        return tokenBody(username, host.json().path("port").asInt(), host.text("client_app_auth_secret"), "ab".repeat(32));
    }

    static String tokenBody(String username, int port, String secret, String token) {
        return "{\"user_id\":\"" + username + "\",\"host_port\":" + port + ",\"config_encryption_token\":\"" + token
                + "\",\"client_app_auth_secret\":\"" + secret + "\"}";
    }

    Reply handOver(String username, Reply host) {
        return hostService("PUT", "/set_config_encryption_token", tokenBody(username, host));
    }

    Reply status(String taskId) {
        return get("/status/" + taskId, null);
    }

    /** Polls the task until it is SUCCESS, FAILURE or CANCELLED. */
    Reply awaitFinal(String taskId) {
        return Await.until("task " + taskId + " final", WAIT, () -> status(taskId),
                r -> r.status() == 200 && ("SUCCESS".equals(r.text("state")) || "FAILURE".equals(r.text("state"))
                        || "CANCELLED".equals(r.text("state"))));
    }

    /** Register, assign, wait for the host, hand over the token, wait for SUCCESS; returns the container row. */
    JsonNode journey(String username, String region) {
        register(username);
        String task = assign(username, region);
        Reply host = awaitHost(username);
        Reply token = handOver(username, host);
        if (token.status() != 200) {
            throw new AssertionError("token of " + username + ": " + token);
        }
        Reply done = awaitFinal(task);
        if (!"SUCCESS".equals(done.text("state"))) {
            throw new AssertionError("task of " + username + ": " + done);
        }
        return done.json().path("output");
    }

    static String release(String containerId, String key) {
        return "{\"container_id\":\"" + containerId + "\",\"private_key\":\"" + key + "\"}";
    }

    Reply releaseContainer(JsonNode row) {
        return post("/container/delete", release(row.path("container_id").asText(), row.path("secret_key").asText()), null);
    }

    static String ping(boolean available, int port, String key) {
        return "{\"available\":" + available + ",\"identifier\":" + port + ",\"private_key\":\"" + key + "\"}";
    }

    /** The container of that row pings, as the load test's container actors do: from its ip, by X-Forwarded-For. */
    Reply ping(JsonNode row, boolean available) {
        return postWithHeaders("/mandelbox/ping", ping(available, row.path("port_32262").asInt(),
                row.path("secret_key").asText()), "X-Forwarded-For", row.path("ip").asText());
    }

    /** Reads the row of the container, as its protocol did, from its ip: changes nothing. */
    Reply protocolInfo(JsonNode row) {
        return postWithHeaders("/mandelbox/protocol_info", "{\"identifier\":" + row.path("port_32262").asInt()
                + ",\"private_key\":\"" + row.path("secret_key").asText() + "\"}", "X-Forwarded-For", row.path("ip").asText());
    }

    /** The containers {@code /admin/containers} lists. */
    JsonNode containers() {
        return get("/admin/containers", admin).json().path("containers");
    }

    JsonNode users(String prefix) {
        return get("/admin/users?prefix=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8), admin).json().path("users");
    }

    /** The listed container with that id, or a missing node. */
    JsonNode listedContainer(String containerId) {
        for (JsonNode container : containers()) {
            if (container.path("container_id").asText().equals(containerId)) {
                return container;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    @Override
    public void close() {
        server.close();
    }

    /** Trusts any certificate: the host service's is self-signed. */
    static SSLContext trustAll() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
