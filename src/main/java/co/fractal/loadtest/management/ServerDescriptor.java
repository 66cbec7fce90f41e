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
        HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Sighting last = RetryPolicies.<Sighting>descriptorWait(patience, sighting -> sighting.descriptor() == null)
                .executeSupplier(() -> look(file, probe));
        if (last.descriptor() == null) {
            throw new IllegalStateException("no reference webserver described by " + file + " (" + last.seen() + ", waited "
                    + patience.toSeconds() + " s): is the webserver started "
                    + "(mvn exec:java@local-webserver -Dexec.args=\"--descriptor " + file + "\")?");
        }
        return last.descriptor();
    }

    /** One look at the file: the descriptor when it describes a server that answers, else what was seen. */
    private record Sighting(ServerDescriptor descriptor, String seen) {
    }

    private static Sighting look(Path file, HttpClient probe) {
        if (!Files.isRegularFile(file)) {
            return new Sighting(null, "no file");
        }
        try {
            ServerDescriptor descriptor = RunFiles.readJson(file, ServerDescriptor.class);
            return descriptor.answers(probe) ? new Sighting(descriptor, "")
                    : new Sighting(null, "nothing answers at " + descriptor.baseUrl);
        } catch (UncheckedIOException halfWritten) {
            return new Sighting(null, "an unreadable file");
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
