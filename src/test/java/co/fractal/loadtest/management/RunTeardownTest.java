package co.fractal.loadtest.management;

import co.fractal.loadtest.config.LocalServerSettings;
import co.fractal.loadtest.config.RunConfig;
import co.fractal.loadtest.config.Secret;
import co.fractal.loadtest.localserver.LocalWebserver;
import co.fractal.loadtest.management.heroku.Formation;
import co.fractal.loadtest.results.TeardownReport;
import co.fractal.loadtest.testing.AdminView;
import co.fractal.loadtest.testing.TestRuns;
import co.fractal.loadtest.webserver.Answer;
import co.fractal.loadtest.webserver.WebserverClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Teardown against a reference webserver: it removes what the run holds, keeps going past failures, and repeats harmlessly. */
class RunTeardownTest {
    @TempDir
    Path results;
    private final List<String> out = new ArrayList<>();

    @Test
    void cancelsAssignmentsInFlightDeletesUsersAndKeepsGoingPastFailingSteps() throws Exception {
        try (LocalWebserver server = LocalWebserver.start(LocalServerSettings.fromProperties(
                java.util.Map.of("local.spinUpDelay", "10m", "local.prewarmed", "0")))) {
            RunConfig config = TestRuns.config(server, results, "users", "3");
            WebserverClient client = new WebserverClient(server.baseUrl(), Duration.ofSeconds(5));
            Secret admin = client.adminLogin(Secret.of(server.adminUsername()).orElseThrow(), Secret.of(server.adminPassword()).orElseThrow());
            ProvisionedUsers users = new TestUserProvisioner(client, config.provision(), Duration.ofSeconds(5), out::add)
                    .provision(config.runId(), 3);
            String user = users.all().get(0);
            String task = assign(server.baseUrl(), admin, user);
            RunLedger ledger = new RunLedger();
            ledger.taskAccepted(user, task);
            RunManifest manifest = RunManifest.begin(config, ConnectedTarget.login(config.target(), server.hostServicePort(),
                            config.admin(), Optional.empty()), null)
                    .withUsers(users.all(), List.of())
                    .withFormation(new Formation("fractal-staging-server", "web", "Standard-1X", 1), null);

            TeardownReport report = new RunTeardown(client, admin, () -> {
                throw new IllegalStateException("AWS endpoint unreachable");
            }, Optional::empty, 4, out::add).tearDown(manifest, ledger).report();

            assertThat(report.deleted()).containsEntry("assignments", 1).containsEntry("users", 3);
            assertThat(taskState(server.baseUrl(), task)).isEqualTo("CANCELLED");
            assertThat(report.failures()).containsExactly("cloud cleanup: AWS endpoint unreachable",
                    "web tier of fractal-staging-server not restored to Formation[app=fractal-staging-server, processType=web, "
                            + "size=Standard-1X, quantity=1]: no Heroku app configured for this teardown");
            assertThat(report.leftovers()).isEmpty();
            assertThat(report.verified()).isTrue();
            assertThat(report.clean()).isFalse();
            assertThat(AdminView.of(server).users()).isEmpty();

            TeardownReport again = new RunTeardown(client, admin, () -> {
                throw new IllegalStateException("AWS endpoint unreachable");
            }, Optional::empty, 4, out::add).tearDown(manifest.withFormation(null, null), new RunLedger()).report();
            assertThat(again.deleted()).isEmpty();
            assertThat(again.failures()).containsExactly("cloud cleanup: AWS endpoint unreachable");
            assertThat(out).anyMatch(line -> line.contains("3/3 test users") && line.contains("0 removed, 3 already gone"));
        }
    }

    @Test
    void usersNamedForTheRunAreDeletedEvenBeforeTheManifestListsThem() {
        try (LocalWebserver server = LocalWebserver.start(LocalServerSettings.defaults())) {
            RunConfig config = TestRuns.config(server, results, "users", "3");
            ConnectedTarget target = ConnectedTarget.login(config.target(), server.hostServicePort(), config.admin(), Optional.empty());
            AdminView admin = AdminView.of(server);
            admin.register("load_test_" + config.runId() + "_0");
            admin.register("load_test_" + config.runId() + "_1");
            admin.register("load_test_20200101-000000-abcd_0");

            TeardownReport report = new RunTeardown(target.webserver(), target.adminToken(), () -> {
                throw new IllegalStateException("no cloud here");
            }, Optional::empty, 2, out::add).tearDown(RunManifest.begin(config, target, null), new RunLedger()).report();

            assertThat(report.deleted()).containsEntry("users", 2);
            assertThat(admin.users()).extracting(co.fractal.loadtest.webserver.UserRecord::username)
                    .containsExactly("load_test_20200101-000000-abcd_0");
        }
    }

    @Test
    void whatACallWithoutAClearAnswerMayHaveCreatedIsRemovedAndWhatItDidNotIsNoFailure() {
        try (LocalWebserver server = LocalWebserver.start(LocalServerSettings.defaults())) {
            RunConfig config = TestRuns.config(server, results, "users", "2", "users.naming", "fixed");
            ConnectedTarget target = ConnectedTarget.login(config.target(), server.hostServicePort(), config.admin(), Optional.empty());
            AdminView admin = AdminView.of(server);
            admin.register("load_test_user_0");
            admin.register("load_test_user_1");
            RunManifest manifest = RunManifest.begin(config, target, null).withUsers(List.of("load_test_user_0"), List.of())
                    .withMaybeCreated(List.of(
                            new MaybeCreated(MaybeCreated.Kind.USER, "load_test_user_1", "register answered 500"),
                            new MaybeCreated(MaybeCreated.Kind.USER, "load_test_user_2", "register got no answer")));

            TeardownReport report = new RunTeardown(target.webserver(), target.adminToken(), () -> {
                throw new IllegalStateException("no cloud here");
            }, Optional::empty, 2, out::add).tearDown(manifest, new RunLedger()).report();

            assertThat(report.deleted()).containsEntry("users", 2);
            assertThat(report.failures()).containsExactly("cloud cleanup: no cloud here");
            assertThat(report.leftovers()).isEmpty();
            assertThat(admin.users()).isEmpty();
            assertThat(out).anyMatch(line -> line.contains("3/3 test users") && line.contains("2 removed, 1 already gone"));
        }
    }

    private static String assign(URI base, Secret admin, String user) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/mandelbox/assign"))
                .header("Authorization", "Bearer " + admin.reveal()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"app\":\"Google Chrome\",\"region\":\"us-east-1\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
        return Answer.text(new Answer(202, response.body()).json(), "ID");
    }

    private static String taskState(URI base, String task) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/status/" + task))
                .build(), HttpResponse.BodyHandlers.ofString());
        return Answer.text(new Answer(200, response.body()).json(), "state");
    }
}
