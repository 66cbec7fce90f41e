package co.fractal.loadtest.e2e;

import co.fractal.loadtest.testing.AdminView;

import co.fractal.loadtest.config.LocalServerSettings;
import co.fractal.loadtest.localserver.LocalWebserver;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mvn verify} as CI runs it, with a simulation that fails: the post-integration-test teardown still
 * runs, nothing is left on the webserver, and only then does the verify goal fail the build.
 */
class LifecycleIT {

    @Test
    void aFailingSimulationIsStillTornDownThenFailsTheBuild() throws Exception {
        try (LocalWebserver server = LocalWebserver.start(LocalServerSettings.fromProperties(Map.of("local.maintenance", "true")))) {
            MavenRun.Result run = MavenRun.named("lifecycle-failing")
                    .args("verify", "-Dtarget=" + server.baseUrl(), "-DhostServicePort=" + server.hostServicePort(),
                            "-Dprofile=smoke", "-Dusers=3")
                    .env("WEBSERVER_ADMIN_USERNAME", server.adminUsername())
                    .env("WEBSERVER_ADMIN_PASSWORD", server.adminPassword())
                    .run();

            String output = run.output();
            assertThat(run.exitCode()).isNotZero();
            int provision = output.indexOf("(lifecycle-provision)");
            int load = output.indexOf("(lifecycle-load)");
            int failedRun = output.indexOf("Load test FAILED");
            int teardown = output.indexOf("(lifecycle-teardown)");
            int verdict = output.indexOf("(lifecycle-verdict)");
            assertThat(provision).isPositive();
            assertThat(load).isGreaterThan(provision);
            assertThat(output.substring(load)).contains("adopted run");
            assertThat(failedRun).isGreaterThan(load);
            assertThat(teardown).as("teardown runs after the failed simulation").isGreaterThan(failedRun);
            assertThat(verdict).as("the build fails only at verify, after teardown").isGreaterThan(teardown);
            assertThat(output.substring(verdict)).contains("BUILD FAILURE");
            assertThat(output).doesNotContain(server.adminPassword());

            AdminView leftovers = AdminView.of(server);
            assertThat(leftovers.users()).isEmpty();
            assertThat(leftovers.containersOfLoadTestUsers()).isEmpty();
        }
    }
}
