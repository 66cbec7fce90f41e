package co.fractal.loadtest.management;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to reach a reference webserver started in another process (by the Maven lifecycle): the file
 * {@code LocalWebserverMain --descriptor} writes, readable by its owner only since it holds the admin
 * password.
 *
 * @param baseUrl         the webserver's base URL
 * @param hostServicePort the host service's HTTPS port
 * @param adminUsername   the admin login
 * @param adminPassword   the admin password
 */
public record ServerDescriptor(String baseUrl, int hostServicePort, String adminUsername, String adminPassword) {

    /** Reads the descriptor, waiting up to {@code patience} for the server to write it. */
    public static ServerDescriptor await(Path file, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!Files.isRegularFile(file)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no reference webserver descriptor at " + file + " after "
                        + patience.toSeconds() + " s: is the webserver started (mvn exec:java@local-webserver)?");
            }
            TestUserProvisioner.sleep(Duration.ofMillis(100));
        }
        return RunFiles.readJson(file, ServerDescriptor.class);
    }

    @Override
    public String toString() {
        return "ServerDescriptor[" + baseUrl + ", host service port " + hostServicePort + "]";
    }
}
