package co.fractal.loadtest.e2e;

import co.fractal.loadtest.config.Secret;
import co.fractal.loadtest.webserver.ContainerRecord;
import co.fractal.loadtest.webserver.UserRecord;
import co.fractal.loadtest.webserver.WebserverClient;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** What load-test users and their containers a reference webserver still holds, asked over HTTP as its admin. */
final class Leftovers {
    private final WebserverClient client;
    private final Secret admin;

    Leftovers(URI baseUrl, String username, String password) {
        client = new WebserverClient(baseUrl, Duration.ofSeconds(10));
        admin = client.adminLogin(Secret.of(username).orElseThrow(), Secret.of(password).orElseThrow());
    }

    List<UserRecord> users() {
        return client.users(admin, "load_test_").orElseThrow();
    }

    List<UserRecord> usersHoldingContainers() {
        return users().stream().filter(user -> user.containerId() != null || user.taskId() != null).toList();
    }

    List<ContainerRecord> containersOfLoadTestUsers() {
        return client.containers(admin).orElseThrow().stream()
                .filter(c -> c.userId() != null && c.userId().startsWith("load_test_")).toList();
    }
}
