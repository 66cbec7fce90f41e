package co.fractal.loadtest.management.heroku;

import co.fractal.loadtest.config.LocalServerSettings;
import co.fractal.loadtest.config.RunConfig;
import co.fractal.loadtest.localserver.LocalWebserver;
import co.fractal.loadtest.management.LoadTestRun;
import co.fractal.loadtest.management.RunFiles;
import co.fractal.loadtest.management.RunManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A run scales the web tier before provisioning, records what it was, and restores it exactly afterwards. */
class RunWebTierTest {
    @TempDir
    Path results;

    private RunConfig config(LocalWebserver server, HerokuStandIn heroku, String users, String maxDuration) {
        Map<String, String> properties = new HashMap<>(Map.of("target", server.baseUrl().toString(),
                "hostServicePort", Integer.toString(server.hostServicePort()), "results.dir", results.toString(),
                "users", users, "maxDuration", maxDuration, "heroku.app", HerokuStandIn.APP, "heroku.quantity", "3",
                "heroku.apiUrl", "http://127.0.0.1:" + heroku.server.port()));
        Map<String, String> env = Map.of("WEBSERVER_ADMIN_USERNAME", server.adminUsername(),
                "WEBSERVER_ADMIN_PASSWORD", server.adminPassword(), "HEROKU_API_KEY", HerokuStandIn.API_KEY);
        return RunConfig.parse(properties, env, Clock.systemUTC());
    }

    @Test
    void theFormationIsScaledForTheRunAndRestoredExactly() {
        try (LocalWebserver server = LocalWebserver.start(LocalServerSettings.defaults()); HerokuStandIn heroku = new HerokuStandIn()) {
            heroku.heroku.formation(HerokuStandIn.APP, "web", "Standard-1X", 1);
            RunConfig config = config(server, heroku, "2", "10m");
            LoadTestRun run = LoadTestRun.open(config, line -> { });

            run.start();
            assertThat(heroku.heroku.formation(HerokuStandIn.APP, "web")).isEqualTo("3 × Performance-M");
            RunManifest manifest = new RunFiles(results).manifest(config.runId().value()).orElseThrow();
            assertThat(manifest.formationBefore()).isEqualTo(new Formation(HerokuStandIn.APP, "web", "Standard-1X", 1));
            assertThat(manifest.formationDuring()).isEqualTo(new Formation(HerokuStandIn.APP, "web", "Performance-M", 3));

            run.finish(false);
            assertThat(heroku.heroku.formation(HerokuStandIn.APP, "web")).isEqualTo("1 × Standard-1X");
        }
    }

    @Test
    void aFailedProvisioningPutsTheFormationBackToo() {
        try (LocalWebserver server = LocalWebserver.start(LocalServerSettings.fromProperties(Map.of("local.rateLimit", "1")));
             HerokuStandIn heroku = new HerokuStandIn()) {
            heroku.heroku.formation(HerokuStandIn.APP, "web", "Standard-2X", 2);

            Throwable failure = catchThrowable(() -> LoadTestRun.open(config(server, heroku, "3", "3s"), line -> { }).start());

            assertThat(failure).hasMessageContaining("could not be provisioned");
            assertThat(heroku.heroku.formation(HerokuStandIn.APP, "web")).isEqualTo("2 × Standard-2X");
        }
    }
}
