package co.fractal.loadtest.management;

import co.fractal.loadtest.config.LocalServerSettings;
import co.fractal.loadtest.config.RunConfig;
import co.fractal.loadtest.localserver.LocalWebserver;
import co.fractal.loadtest.results.Verdict;
import co.fractal.loadtest.testing.AdminView;
import co.fractal.loadtest.testing.TestRuns;
import co.fractal.loadtest.testing.WebserverFront;
import co.fractal.loadtest.webserver.UserRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A run's provisioning and teardown against a reference webserver over HTTP, without Gatling in the way. */
class LoadTestRunTest {
    @TempDir
    Path results;
    private final List<String> out = new ArrayList<>();

    @Test
    void aRunProvisionsItsUsersAndTearsThemAllDownOnce() {
        try (LocalWebserver server = LocalWebserver.start(LocalServerSettings.defaults())) {
            RunConfig config = TestRuns.config(server, results, "users", "6");
            LoadTestRun run = LoadTestRun.open(config, out::add);

            run.start();
            AdminView admin = AdminView.of(server);
            assertThat(admin.users()).extracting(UserRecord::username).hasSize(6)
                    .allMatch(name -> name.startsWith("load_test_" + config.runId() + "_"));
            RunManifest manifest = new RunFiles(results).manifest(config.runId().value()).orElseThrow();
            assertThat(manifest.state()).isEqualTo(RunManifest.PROVISIONED);
            assertThat(manifest.users()).hasSize(6);
            assertThat(manifest.targetUrl()).isEqualTo(server.baseUrl().toString());

            Verdict verdict = run.finish(false);

            assertThat(admin.users()).isEmpty();
            assertThat(new RunFiles(results).manifest(config.runId().value()).orElseThrow().state()).isEqualTo(RunManifest.TORN_DOWN);
            assertThat(verdict.passed()).as("no journey ran").isFalse();
            assertThat(run.finish(false)).as("finishing again changes nothing").isSameAs(verdict);
            assertThat(results.resolve(config.runId().value()).resolve("summary.json")).exists();
        }
    }

    @Test
    void provisioningThatFailsHalfWayRemovesWhatItCreatedBeforeAnyLoad() {
        try (LocalWebserver server = LocalWebserver.start(LocalServerSettings.fromProperties(Map.of("local.rateLimit", "4")))) {
            RunConfig config = TestRuns.config(server, results, "users", "8", "maxDuration", "5s");

            LoadTestRun run = LoadTestRun.open(config, out::add);
            Throwable failure = catchThrowable(run::start);

            assertThat(failure).hasMessageContaining("run " + config.runId() + " could not be provisioned")
                    .hasMessageContaining("rate-limited");
            assertThat(AdminView.of(server).users()).isEmpty();
            RunManifest manifest = new RunFiles(results).manifest(config.runId().value()).orElseThrow();
            assertThat(manifest.users()).hasSize(4);
            assertThat(manifest.state()).isEqualTo(RunManifest.TORN_DOWN);
            assertThat(out).anyMatch(line -> line.startsWith("provisioning failed"));
            assertThat(run.finish(false).reasons()).containsExactly("the run never started");
        }
    }

    @Test
    void registrationsAnswered500AfterAFewUsersLeaveNothingOfTheRun() {
        try (LocalWebserver server = LocalWebserver.start(LocalServerSettings.defaults());
             WebserverFront front = WebserverFront.of(server.baseUrl()).answering500ToRegistrationsAfter(3)) {
            // fixed names: no user carries the run's id, so only what the run recorded can be removed
            RunConfig config = TestRuns.config(front, server, results, "users", "8", "users.naming", "fixed",
                    "provision.concurrency", "4");

            LoadTestRun run = LoadTestRun.open(config, out::add);
            Throwable failure = catchThrowable(run::start);

            assertThat(failure).hasMessageContaining("run " + config.runId() + " could not be provisioned")
                    .hasMessageContaining("answered 500");
            RunManifest manifest = new RunFiles(results).manifest(config.runId().value()).orElseThrow();
            assertThat(manifest.users()).hasSize(3);
            assertThat(manifest.maybeCreated()).isNotEmpty()
                    .allSatisfy(entry -> assertThat(entry.kind()).isEqualTo(MaybeCreated.Kind.USER))
                    .allSatisfy(entry -> assertThat(entry.detail()).isEqualTo("register answered 500"));
            assertThat(manifest.state()).isEqualTo(RunManifest.TORN_DOWN);
            assertThat(AdminView.of(server).users()).as("the users answered 500 existed, and were removed").isEmpty();
            assertThat(out).anyMatch(line -> line.contains("and what it may have created"));
        }
    }

    @Test
    void wrongAdminCredentialsStopTheRunWithoutShowingThem() {
        try (LocalWebserver server = LocalWebserver.start(LocalServerSettings.defaults())) {
            RunConfig config = TestRuns.config(server, "not-the-password-42", results, "users", "3");

            Throwable failure = catchThrowable(() -> LoadTestRun.open(config, out::add));

            assertThat(failure).hasMessageContaining("admin login rejected (401): check the admin credentials");
            assertThat(failure.getMessage()).doesNotContain("not-the-password-42");
            assertThat(AdminView.of(server).users()).isEmpty();
        }
    }

    @Test
    void anUnreachableTargetIsNamed() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        RunConfig config = RunConfig.parse(Map.of("target", "http://127.0.0.1:" + closedPort, "results.dir", results.toString()),
                Map.of("WEBSERVER_ADMIN_TOKEN", "tok-9f3a1c-never-shown"), java.time.Clock.systemUTC());
        LoadTestRun run = LoadTestRun.open(config, out::add);

        Throwable failure = catchThrowable(run::start);

        assertThat(failure).hasMessageContaining("cannot reach http://127.0.0.1:" + closedPort);
        assertThat(failure.getMessage()).doesNotContain("tok-9f3a1c-never-shown");
        assertThat(run.finish(false).reasons()).containsExactly("the run never started");
    }
}
