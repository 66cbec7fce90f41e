package co.fractal.loadtest.management;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

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
     * Reads the descriptor, waiting up to {@code patience} for a server to write one no older than
     * {@code notBefore} (a file left by an earlier build describes a server that is gone).
     */
    public static ServerDescriptor await(Path file, Duration patience, Instant notBefore) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            if (writtenSince(file, notBefore)) {
                try {
                    return RunFiles.readJson(file, ServerDescriptor.class);
                } catch (UncheckedIOException halfWritten) {
                    // the server is still writing it: read again below
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no reference webserver descriptor at " + file + " written since "
                        + notBefore + " (waited " + patience.toSeconds() + " s): is the webserver started "
                        + "(mvn exec:java@local-webserver -Dexec.args=\"--descriptor " + file + "\")?");
            }
            TestUserProvisioner.sleep(Duration.ofMillis(100));
        }
    }

    /** When this process started: a descriptor it waits for must be newer. */
    public static Instant thisProcessStart() {
        return ProcessHandle.current().info().startInstant().orElse(Instant.EPOCH);
    }

    private static boolean writtenSince(Path file, Instant notBefore) {
        try {
            return Files.isRegularFile(file) && !Files.getLastModifiedTime(file).toInstant().isBefore(notBefore);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "ServerDescriptor[" + baseUrl + ", host service port " + hostServicePort + "]";
    }
}
