package co.fractal.loadtest.testing;

import co.fractal.loadtest.config.Secret;
import co.fractal.loadtest.webserver.ContainerRecord;
import co.fractal.loadtest.webserver.UserRecord;
import co.fractal.loadtest.webserver.WebserverClient;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** What load-test users and their containers a webserver holds, asked over HTTP as its admin (tests only). */
public final class AdminView {
    private final WebserverClient client;
    private final Secret admin;

    public AdminView(URI baseUrl, String username, String password) {
        client = new WebserverClient(baseUrl, Duration.ofSeconds(10));
        admin = client.adminLogin(Secret.of(username).orElseThrow(), Secret.of(password).orElseThrow());
    }

    /** Its admin view, by the credentials the server accepts. */
    public static AdminView of(co.fractal.loadtest.localserver.LocalWebserver server) {
        return new AdminView(server.baseUrl(), server.adminUsername(), server.adminPassword());
    }

    public List<UserRecord> users() {
        return client.users(admin, "load_test_").orElseThrow();
    }

    public List<UserRecord> usersHoldingContainers() {
        return users().stream().filter(user -> user.containerId() != null || user.taskId() != null).toList();
    }

    /** Registers a user directly, as an earlier run would have. */
    public void register(String username) {
        client.register(username, "pw-" + username);
    }

    /** Every load-test user, and every container one holds: empty when no run left anything behind. */
    public List<String> loadTestLeftovers() {
        List<String> left = new java.util.ArrayList<>();
        users().forEach(user -> left.add("user " + user.username()));
        containersOfLoadTestUsers().forEach(container -> left.add("container " + container.containerId() + " of "
                + container.userId()));
        return left;
    }

    public List<ContainerRecord> containersOfLoadTestUsers() {
        return client.containers(admin).orElseThrow().stream()
                .filter(c -> c.userId() != null && c.userId().startsWith("load_test_")).toList();
    }
}
