package co.fractal.loadtest.e2e;

import co.fractal.loadtest.testing.AdminView;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A simulation killed in the middle of its run leaves nothing behind on the reference webserver, running in a
 * process of its own: with SIGTERM (as CI does when a job is cancelled) its shutdown hook tears the run down; with
 * SIGKILL nothing of it runs any more, and the next {@code manage sweep} — no age given — tears the run down, its
 * process being gone.
 */
class InterruptionIT {

    @Test
    void aSimulationStoppedMidRunTearsItselfDown() throws Exception {
        MavenRun run = MavenRun.named("sigterm");
        try (StandaloneWebserver webserver = neverPinging(run)) {
            killMidRun(webserver, run, false);

            assertThat(Files.readString(run.log())).contains("interrupted: tearing run", "teardown of run");
            assertThat(webserver.admin().loadTestLeftovers()).isEmpty();
        }
    }

    @Test
    void aSimulationKilledOutrightIsTornDownByTheNextSweepWhateverItsAge() throws Exception {
        MavenRun run = MavenRun.named("sigkill");
        try (StandaloneWebserver webserver = neverPinging(run)) {
            killMidRun(webserver, run, true);
            assertThat(Files.readString(run.log())).doesNotContain("teardown of run");
            assertThat(webserver.admin().usersHoldingContainers()).as("the killed run left its users and containers").isNotEmpty();

            MavenRun.Result sweep = webserver.target(MavenRun.named("sigkill-sweep").resultsOf(run)
                    .args("exec:java@manage", "-Dexec.args=sweep"), webserver.url()).run();

            assertThat(sweep.exitCode()).as(sweep.output()).isZero();
            assertThat(sweep.output()).contains("sweep: 1 run(s) left behind found", "teardown of run");
            assertThat(webserver.admin().loadTestLeftovers()).isEmpty();
        }
    }

    // containers never ping: every journey that started is still holding an assignment when the kill comes
    private static StandaloneWebserver neverPinging(MavenRun run) throws Exception {
        return StandaloneWebserver.start(run.dir(), "-Dlocal.pingDelay=10m", "-Dlocal.clientTimeout=20m");
    }

    // starts a run of 8 journeys, and kills its Gatling JVM once three of them hold an assignment
    private static void killMidRun(StandaloneWebserver webserver, MavenRun run, boolean outright) throws Exception {
        AdminView view = webserver.admin();
        Process maven = webserver.target(run.args("gatling:test", "-Dusers=8", "-DspawnRate=2"), webserver.url()).start();
        try {
            await("journeys holding assignments", Duration.ofSeconds(90), () -> view.usersHoldingContainers().size() >= 3);
            ProcessHandle gatling = await("the forked Gatling JVM", Duration.ofSeconds(10), () -> gatlingJvm(maven)).orElseThrow();

            if (outright) {
                gatling.destroyForcibly(); // SIGKILL
            } else {
                gatling.destroy(); // SIGTERM
            }
            assertThat(maven.waitFor(120, TimeUnit.SECONDS)).as("Maven ends after its Gatling JVM").isTrue();
            assertThat(maven.exitValue()).isNotZero();
        } finally {
            maven.descendants().forEach(ProcessHandle::destroyForcibly);
            maven.destroyForcibly();
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
