package co.fractal.loadtest.e2e;

import co.fractal.loadtest.testing.AdminView;

import co.fractal.loadtest.management.ServerDescriptor;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A simulation killed with SIGTERM in the middle of its run (as CI does when a job is cancelled) tears its
 * run down in a shutdown hook: the reference webserver, running in a process of its own, is left with no
 * test user and no assigned container.
 */
class InterruptionIT {

    @Test
    void aSimulationKilledMidRunLeavesNothingBehind() throws Exception {
        MavenRun run = MavenRun.named("sigterm");
        Path descriptor = run.dir().resolve("webserver.json");
        Files.createDirectories(run.dir());
        Files.deleteIfExists(descriptor);
        // containers never ping: every journey that started is still holding an assignment when the kill comes
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dlocal.pingDelay=10m", "-Dlocal.clientTimeout=20m",
                "co.fractal.loadtest.localserver.LocalWebserverMain", "--descriptor", descriptor.toString())
                .redirectErrorStream(true).redirectOutput(run.dir().resolve("webserver.log").toFile()).start();
        try {
            ServerDescriptor webserver = ServerDescriptor.await(descriptor, Duration.ofSeconds(60));
            AdminView leftovers = new AdminView(java.net.URI.create(webserver.baseUrl()), webserver.adminUsername(),
                    webserver.adminPassword());
            Process maven = run.args("gatling:test", "-Dtarget=" + webserver.baseUrl(),
                            "-DhostServicePort=" + webserver.hostServicePort(), "-Dusers=8", "-DspawnRate=2")
                    .env("WEBSERVER_ADMIN_USERNAME", webserver.adminUsername())
                    .env("WEBSERVER_ADMIN_PASSWORD", webserver.adminPassword())
                    .start();
            try {
                await("journeys holding assignments", Duration.ofSeconds(90), () -> leftovers.usersHoldingContainers().size() >= 3);
                ProcessHandle gatling = await("the forked Gatling JVM", Duration.ofSeconds(10), () -> gatlingJvm(maven)).orElseThrow();

                gatling.destroy(); // SIGTERM
                assertThat(maven.waitFor(120, TimeUnit.SECONDS)).as("Maven ends after its Gatling JVM").isTrue();
                assertThat(maven.exitValue()).isNotZero();
            } finally {
                maven.descendants().forEach(ProcessHandle::destroyForcibly);
                maven.destroyForcibly();
            }

            String output = Files.readString(run.log());
            assertThat(output).contains("interrupted: tearing run", "teardown of run");
            assertThat(leftovers.users()).isEmpty();
            assertThat(leftovers.containersOfLoadTestUsers()).isEmpty();
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Optional<ProcessHandle> gatlingJvm(Process maven) {
        return maven.descendants().filter(p -> p.info().arguments().map(List::of)
                .map(args -> args.contains("io.gatling.app.Gatling")).orElse(false)).findFirst();
    }

    private static <T> T await(String what, Duration limit, java.util.function.Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            T value = probe.get();
            if (value instanceof Boolean b ? b : value instanceof Optional<?> o ? o.isPresent() : value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + limit.toSeconds() + " s for " + what);
            }
            Thread.sleep(200);
        }
    }
}
