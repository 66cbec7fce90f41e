package co.fractal.loadtest.management;

import co.fractal.loadtest.config.LocalServerSettings;
import co.fractal.loadtest.config.RunConfig;
import co.fractal.loadtest.config.Secret;
import co.fractal.loadtest.json.Json;
import co.fractal.loadtest.localserver.LocalWebserver;
import co.fractal.loadtest.testing.AdminView;
import co.fractal.loadtest.webserver.UserRecord;
import co.fractal.loadtest.webserver.WebserverClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The management commands against a reference webserver running "in the background" (described by its
 * descriptor file, as the Maven lifecycle does it), with the exit status and output a user sees.
 */
class ManagementCliTest {
    @TempDir
    Path results;
    private LocalWebserver server;
    private Path descriptor;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void startServer() throws Exception {
        server = LocalWebserver.start(LocalServerSettings.defaults());
        descriptor = results.resolve(ManagementCli.LOCAL_DESCRIPTOR);
        Json.MAPPER.writeValue(descriptor.toFile(), new ServerDescriptor(server.baseUrl().toString(),
                server.hostServicePort(), server.adminUsername(), server.adminPassword()));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private int manage(String... args) {
        return manage(Map.of(), args);
    }

    private int manage(Map<String, String> properties, String... args) {
        Map<String, String> all = new HashMap<>(Map.of("results.dir", results.toString(), "users", "4"));
        all.putAll(properties);
        return new ManagementCli(() -> RunConfig.parse(all, Map.of(), Clock.systemUTC()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of(args));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void provisionThenTeardownThroughThePointerTheLifecycleUses() throws Exception {
        Path pointer = results.resolve("lifecycle.json");

        assertThat(manage("provision", "--descriptor", descriptor.toString(), "--pointer", pointer.toString())).isZero();
        String runId = Json.MAPPER.readTree(pointer.toFile()).path("runId").asText();
        assertThat(output()).contains("provisioned run " + runId + ": 4 test users on local (" + server.baseUrl() + ")");
        assertThat(AdminView.of(server).users()).hasSize(4);
        RunManifest manifest = new RunFiles(results).manifest(runId).orElseThrow();
        assertThat(manifest.serverDescriptor()).isEqualTo(descriptor.toString());

        assertThat(manage("teardown", "--adopt", pointer.toString())).isZero();
        assertThat(AdminView.of(server).users()).isEmpty();
        assertThat(new RunFiles(results).manifest(runId).orElseThrow().state()).isEqualTo(RunManifest.TORN_DOWN);

        assertThat(manage("teardown", "--run", runId)).as("a second teardown is a no-op").isZero();
        assertThat(output()).contains("teardown of run " + runId + ": nothing to delete");
        assertThat(output() + errors()).doesNotContain(server.adminPassword());
    }

    @Test
    void sweepRemovesOldUsersOfRunsThatAreNotLiveAndNothingElse() {
        AdminView admin = AdminView.of(server);
        admin.register("load_test_20200101-000000-abcd_0");
        admin.register("load_test_20200101-000000-abcd_1");
        admin.register("someone_else");
        assertThat(manage("provision", "--descriptor", descriptor.toString())).isZero();

        assertThat(manage("sweep", "--older-than", "1h", "--dry-run")).isZero();
        assertThat(output()).contains("would remove: user load_test_20200101-000000-abcd_0",
                "sweep (dry run): 0 run(s) left behind, 2 leftover(s) older than 1h found, 0 removed");
        assertThat(admin.users()).hasSize(6);

        String liveRun = new RunFiles(results).manifests().get(0).runId();
        assertThat(manage("sweep", "--older-than", "1h")).isZero();
        assertThat(admin.users()).extracting(UserRecord::username).hasSize(4)
                .allMatch(name -> name.startsWith("load_test_" + liveRun + "_"));

        assertThat(manage("sweep", "--older-than", "0s")).as("the provisioned run is live: its owner is this process").isZero();
        assertThat(admin.users()).hasSize(4);
    }

    @Test
    void sweepWithNoAgeTearsDownTheRunsWhoseProcessIsGoneAndLeavesLiveOnesAlone() throws Exception {
        Path pointer = results.resolve("left-behind.json");
        assertThat(manage("provision", "--descriptor", descriptor.toString(), "--pointer", pointer.toString())).isZero();
        String leftBehind = Json.MAPPER.readTree(pointer.toFile()).path("runId").asText();
        assertThat(manage("provision", "--descriptor", descriptor.toString(), "--pointer", pointer.toString())).isZero();
        String live = Json.MAPPER.readTree(pointer.toFile()).path("runId").asText();
        RunFiles files = new RunFiles(results);
        files.write(ownedBy(files.manifest(leftBehind).orElseThrow(), exitedProcess()));

        assertThat(manage("sweep")).isZero();

        assertThat(output()).contains("found: run " + leftBehind + " (provisioned, 4 users; its process",
                "sweep: 1 run(s) left behind found, 1 removed");
        assertThat(AdminView.of(server).users()).extracting(UserRecord::username).hasSize(4)
                .allMatch(name -> name.startsWith("load_test_" + live + "_"));
        assertThat(files.manifest(leftBehind).orElseThrow().state()).isEqualTo(RunManifest.TORN_DOWN);
        assertThat(files.manifest(live).orElseThrow().state()).isEqualTo(RunManifest.PROVISIONED);
    }

    @Test
    void aTeardownCutShortIsFinishedByTheNextTeardown() throws Exception {
        Path pointer = results.resolve("lifecycle.json");
        assertThat(manage("provision", "--descriptor", descriptor.toString(), "--pointer", pointer.toString())).isZero();
        String runId = Json.MAPPER.readTree(pointer.toFile()).path("runId").asText();
        RunFiles files = new RunFiles(results);
        RunManifest manifest = files.manifest(runId).orElseThrow();
        // the teardown died after deleting half of the users: the manifest still says it was under way
        WebserverClient client = new WebserverClient(server.baseUrl(), java.time.Duration.ofSeconds(5));
        Secret admin = client.adminLogin(Secret.of(server.adminUsername()).orElseThrow(), Secret.of(server.adminPassword()).orElseThrow());
        client.deleteAccount(admin, manifest.users().get(0));
        client.deleteAccount(admin, manifest.users().get(1));
        files.write(ownedBy(manifest, exitedProcess()).inState(RunManifest.TEARING_DOWN, java.time.Instant.now()));

        assertThat(manage("teardown", "--run", runId)).isZero();

        assertThat(output()).contains("2 removed, 2 already gone");
        assertThat(AdminView.of(server).users()).isEmpty();
        assertThat(files.manifest(runId).orElseThrow().state()).isEqualTo(RunManifest.TORN_DOWN);
    }

    // the manifest as its owner were another process
    private static RunManifest ownedBy(RunManifest m, long pid) {
        return new RunManifest(m.runId(), m.target(), m.targetUrl(), m.hostServicePort(), m.profile(), m.users(),
                m.reusedUsers(), m.formationBefore(), m.formationDuring(), m.cloudTag(), m.cloudCleaned(),
                m.serverDescriptor(), pid, m.ownerHost(), m.createdAt(), m.state(), m.tornDownAt(), m.shard(), m.userSlice(), m.maybeCreated(), null);
    }

    // the pid of a process that has ended
    private static long exitedProcess() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        process.waitFor();
        return process.pid();
    }

    @Test
    void statusShowsRunsAndLoadTestUsersByRun() {
        AdminView.of(server).register("load_test_20200101-000000-abcd_0");
        assertThat(manage("provision", "--descriptor", descriptor.toString())).isZero();

        assertThat(manage("status")).isZero();
        assertThat(output()).contains("runs in " + results + ": 1", "provisioned (live)  4 users on local",
                "load-test users on local (" + server.baseUrl() + "): 5",
                "20200101-000000-abcd  1 users, 0 holding a container  leaked unless its run is live elsewhere");
    }

    @Test
    void notifyWithoutAWebhookSkipsTheMessage() {
        assertThat(manage("notify", "--job-status", "failure")).isZero();
        assertThat(output()).contains("Slack message skipped");
    }

    @Test
    void mergeRefusesBadOptionsAndMissingShardsNamingThem() {
        String run = "20261206-070000-0a1b";
        assertThat(manage("merge")).isEqualTo(2);
        assertThat(errors()).contains("manage merge: --run <run id> is required");
        assertThat(manage("merge", "--run", "nightly")).isEqualTo(2);
        assertThat(errors()).contains("manage merge: --run 'nightly' is not accepted; expected a run id such as 20261124-113400-7f3a");
        assertThat(manage("merge", "--run", run, "--clock-skew", "2m")).isEqualTo(2);
        assertThat(errors()).contains("manage merge: --clock-skew '2m' is not accepted; expected a duration from 0s to 60s, e.g. --clock-skew 250ms");
        assertThat(manage("merge", "--run", run, "--clock-skew", "soon")).isEqualTo(2);
        assertThat(errors()).contains("--clock-skew: 'soon' is not accepted; expected a duration");
        assertThat(manage("merge", "--run", run, "--from", results.resolve("nowhere").toString())).isEqualTo(2);
        assertThat(errors()).contains("manage merge: --from '" + results.resolve("nowhere") + "' is not accepted; expected an"
                + " existing folder holding " + run + "/shards/");
        assertThat(manage("merge", "--run", run)).isEqualTo(1);
        assertThat(errors()).contains("manage merge: no shards of run " + run + " in " + results.resolve(run).resolve("shards"));
    }

    @Test
    void badCommandLinesSayWhatIsAccepted() {
        assertThat(manage()).isEqualTo(2);
        assertThat(manage("deploy")).isEqualTo(2);
        assertThat(errors()).contains("unknown command 'deploy'; expected provision, teardown, sweep, status, notify, merge or help");
        assertThat(manage("sweep", "--older", "2h")).isEqualTo(2);
        assertThat(errors()).contains("sweep: '--older' is not accepted; expected --older-than <duration>, --dry-run");
        assertThat(manage("notify")).isEqualTo(2);
        assertThat(errors()).contains("notify: --job-status <success|failure|cancelled> is required");
        assertThat(manage("sweep", "--older-than", "two hours")).isEqualTo(2);
        assertThat(errors()).contains("--older-than: 'two hours' is not accepted; expected a duration written like 500ms, 30s, 10m, 1h or PT10M");
        assertThat(manage("notify", "--job-status", "green")).isEqualTo(2);
        assertThat(errors()).contains("--job-status 'green' is not accepted; expected success, failure or cancelled");
        assertThat(manage("teardown")).isEqualTo(2);
        assertThat(manage(Map.of("users", "ten"), "provision", "--descriptor", descriptor.toString())).isEqualTo(2);
        assertThat(errors()).contains("users: 'ten' is not accepted");
        assertThat(manage("provision")).isEqualTo(2);
        assertThat(errors()).contains("target=local: name the running reference webserver with --descriptor <file>");
        assertThat(manage("help")).isZero();
        assertThat(output()).contains("usage: mvn exec:java@manage");
    }

    @Test
    void aDescriptorLeftByAServerThatIsGoneIsNotTrusted() throws Exception {
        Path stale = results.resolve("stale.json");
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Json.MAPPER.writeValue(stale.toFile(), new ServerDescriptor("http://127.0.0.1:" + closedPort, 1, "admin", "pw"));

        assertThat(ServerDescriptor.await(descriptor, java.time.Duration.ZERO).baseUrl()).isEqualTo(server.baseUrl().toString());
        Throwable gone = org.assertj.core.api.Assertions.catchThrowable(() -> ServerDescriptor.await(stale, java.time.Duration.ofMillis(300)));
        assertThat(gone).hasMessageContaining("nothing answers at http://127.0.0.1:" + closedPort);
    }

    @Test
    void aFailingCommandSaysWhyInOneLineAndExitsNonZero() {
        assertThat(manage("teardown", "--run", "20200101-000000-abcd")).isEqualTo(1);
        assertThat(errors().strip()).isEqualTo("manage teardown: no manifest for run 20200101-000000-abcd in " + results);
    }
}
