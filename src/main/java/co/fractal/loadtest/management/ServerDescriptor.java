package co.fractal.loadtest.management;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    /**
     * Reads the descriptor, waiting up to {@code patience} for a server to write one and to answer at the
     * address it gives (a file left by a server that was killed describes a server that is gone).
     */
    public static ServerDescriptor await(Path file, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        String seen = "no file";
        while (true) {
            if (Files.isRegularFile(file)) {
                try {
                    ServerDescriptor descriptor = RunFiles.readJson(file, ServerDescriptor.class);
                    if (descriptor.answers(probe)) {
                        return descriptor;
                    }
                    seen = "nothing answers at " + descriptor.baseUrl;
                } catch (UncheckedIOException halfWritten) {
                    seen = "an unreadable file";
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no reference webserver described by " + file + " (" + seen + ", waited "
                        + patience.toSeconds() + " s): is the webserver started "
                        + "(mvn exec:java@local-webserver -Dexec.args=\"--descriptor " + file + "\")?");
            }
            TestUserProvisioner.sleep(Duration.ofMillis(100));
        }
    }

    private boolean answers(HttpClient probe) {
        try {
            probe.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/status/00000000-0000-0000-0000-000000000000"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String toString() {
        return "ServerDescriptor[" + baseUrl + ", host service port " + hostServicePort + "]";
    }
}
