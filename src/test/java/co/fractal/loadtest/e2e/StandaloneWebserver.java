package co.fractal.loadtest.e2e;

import co.fractal.loadtest.management.ServerDescriptor;
import co.fractal.loadtest.testing.AdminView;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reference webserver in a process of its own, as {@code mvn exec:java@local-webserver} runs it, described by
 * its descriptor file: what a load run, killed or not, talks to and what survives it.
 */
final class StandaloneWebserver implements AutoCloseable {
    private final Process process;
    private final ServerDescriptor descriptor;

    private StandaloneWebserver(Process process, ServerDescriptor descriptor) {
        this.process = process;
        this.descriptor = descriptor;
    }

    /** Starts one with these {@code local.*} settings ({@code -Dlocal.pingDelay=10m}, …), its files in {@code dir}. */
    static StandaloneWebserver start(Path dir, String... settings) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("webserver.json");
        Files.deleteIfExists(file);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(List.of(settings));
        command.addAll(List.of("co.fractal.loadtest.localserver.LocalWebserverMain", "--descriptor", file.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("webserver.log").toFile()).start();
        try {
            return new StandaloneWebserver(process, ServerDescriptor.await(file, Duration.ofSeconds(60)));
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    URI url() {
        return URI.create(descriptor.baseUrl());
    }

    int hostServicePort() {
        return descriptor.hostServicePort();
    }

    /** A load run against it: the target, the host service's port and the admin credentials (from the environment). */
    MavenRun target(MavenRun run, URI target) {
        return run.args("-Dtarget=" + target, "-DhostServicePort=" + hostServicePort())
                .env("WEBSERVER_ADMIN_USERNAME", descriptor.adminUsername())
                .env("WEBSERVER_ADMIN_PASSWORD", descriptor.adminPassword());
    }

    /** What it holds, asked as its admin. */
    AdminView admin() {
        return new AdminView(url(), descriptor.adminUsername(), descriptor.adminPassword());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
