package co.fractal.loadtest.bench;

import co.fractal.loadtest.config.Secret;
import co.fractal.loadtest.json.Json;
import co.fractal.loadtest.management.ServerDescriptor;
import co.fractal.loadtest.webserver.Registration;
import co.fractal.loadtest.webserver.WebserverClient;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The servers the benchmark runs in processes of their own: the reference webserver standalone
 * ({@code LocalWebserverMain --descriptor}) and the static responder, each started and awaited here.
 */
final class Targets {
    private static final Duration START_PATIENCE = Duration.ofSeconds(60);

    private Targets() {
    }

    /** A reference webserver in its own process. */
    record Reference(Children.Child process, ServerDescriptor descriptor) {
    }

    /**
     * What row 1 loads: a task of a user waiting for its client ({@code /status} reads STARTED), and that
     * user's {@code /host_service} (host, port and secret known), with the admin's bearer header.
     */
    record Row1Paths(String statusPath, String hostServicePath, String authorization) {
    }

    /** Starts the reference webserver with these {@code -D} settings; returns once its descriptor is written. */
    static Reference startReference(Children children, String name, Path work, List<String> settings) {
        Path descriptor = work.resolve(name + "-descriptor.json");
        List<String> jvm = new java.util.ArrayList<>(List.of("-Xmx1G"));
        jvm.addAll(settings);
        Children.Child child = children.start(name, Children.java(jvm, "co.fractal.loadtest.localserver.LocalWebserverMain",
                List.of("--descriptor", descriptor.toString())), line -> false);
        try {
            return new Reference(child, ServerDescriptor.await(descriptor, START_PATIENCE));
        } catch (RuntimeException e) {
            children.stop(child);
            throw new IllegalStateException("the reference webserver did not start (see " + child.log() + "): " + e.getMessage(), e);
        }
    }

    /** Starts the static responder; returns it and its base URL once it listens. */
    static Children.Child startStatic(Children children, Path work, int threads, String[] baseUrl) {
        Path portFile = work.resolve("static-responder.port");
        try {
            Files.deleteIfExists(portFile);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Children.Child child = children.start("static-responder", Children.java(List.of("-Xmx256m"),
                StaticResponder.class.getName(), List.of("--port-file", portFile.toString(), "--threads",
                        Integer.toString(threads))), line -> false);
        long deadline = System.nanoTime() + START_PATIENCE.toNanos();
        while (!Files.isRegularFile(portFile)) {
            if (System.nanoTime() > deadline || !child.process().isAlive()) {
                children.stop(child);
                throw new IllegalStateException("the static responder did not start (see " + child.log() + ")");
            }
            sleep(50);
        }
        try {
            baseUrl[0] = "http://127.0.0.1:" + Files.readString(portFile).trim();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return child;
    }

    /** Registers a user and has it assigned a container (left waiting for its client); the paths row 1 loads. */
    static Row1Paths prepareRow1(ServerDescriptor server) throws IOException, InterruptedException {
        WebserverClient client = new WebserverClient(URI.create(server.baseUrl()), Duration.ofSeconds(10));
        Secret admin = client.adminLogin(Secret.of(server.adminUsername()).orElseThrow(),
                Secret.of(server.adminPassword()).orElseThrow());
        String user = "load_test_bench_row1";
        if (client.register(user, "bench-" + System.nanoTime()).outcome() == Registration.Outcome.RATE_LIMITED) {
            throw new IllegalStateException("registration refused by the rate limit");
        }
        String authorization = "Bearer " + admin.reveal();
        HttpResponse<String> assigned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/mandelbox/assign"))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user
                        + "\",\"app\":\"Google Chrome\",\"region\":\"us-east-1\",\"dpi\":96}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (assigned.statusCode() != 202) {
            throw new IllegalStateException("assign answered " + assigned.statusCode() + ": " + assigned.body());
        }
        JsonNode task = Json.MAPPER.readTree(assigned.body());
        String statusPath = "/status/" + task.path("ID").asText();
        String hostPath = "/host_service?username=" + user;
        // both answer 200 before any load is sent, with the states a polling journey sees
        expect(server, statusPath, authorization, "STARTED");
        expect(server, hostPath, authorization, "WAITING_FOR_CLIENT_APP");
        return new Row1Paths(statusPath, hostPath, authorization);
    }

    private static void expect(ServerDescriptor server, String path, String authorization, String state)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200 || !answer.body().contains(state)) {
            throw new IllegalStateException("GET " + path.replaceAll("\\?.*", "") + " answered " + answer.statusCode()
                    + ", expected 200 with " + state);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
