package co.fractal.loadtest.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunConfigTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T11:34:00Z"), ZoneOffset.UTC);
    private static final Map<String, String> ADMIN = Map.of("WEBSERVER_ADMIN_TOKEN", "tok-123");

    private static RunConfig parse(Map<String, String> properties) {
        return RunConfig.parse(properties, Map.of(), CLOCK);
    }

    private static RunConfig parse(Map<String, String> properties, Map<String, String> env) {
        return RunConfig.parse(properties, env, CLOCK);
    }

    private static Map<String, String> props(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @Test
    void defaultsRunTheWeeklyProfileAgainstTheEmbeddedWebserver() {
        RunConfig config = parse(Map.of());

        assertThat(config.target()).isEqualTo(Target.local());
        assertThat(config.load().profile()).isEqualTo(Profile.WEEKLY);
        assertThat(config.load().users()).isEqualTo(10);
        assertThat(config.load().spawnRate()).isEqualTo(10.0);
        assertThat(config.maxDuration()).isEqualTo(Duration.ofMinutes(10));
        JourneySettings journey = config.journey();
        assertThat(journey.app()).isEqualTo("Google Chrome");
        assertThat(journey.region()).isEqualTo("us-east-1");
        assertThat(journey.dpi()).isEqualTo(96);
        assertThat(journey.assignPath()).isEqualTo("/mandelbox/assign");
        assertThat(journey.hostServicePort()).isEqualTo(4678);
        assertThat(journey.hostWait()).isEqualTo(new PollBudget(300, Duration.ofSeconds(1)));
        assertThat(journey.taskWait()).isEqualTo(new PollBudget(60, Duration.ofSeconds(1)));
        assertThat(journey.assignAttempts()).isEqualTo(5);
        assertThat(journey.release()).isTrue();
        assertThat(config.provision().naming()).isEqualTo(ProvisionSettings.UserNaming.RUN);
        assertThat(config.heroku().enabled()).isFalse();
        assertThat(config.cloud().mode()).as("the local target has no cloud").isEqualTo(CloudSettings.Mode.OFF);
        assertThat(parse(props("target", "staging"), ADMIN).cloud().mode()).isEqualTo(CloudSettings.Mode.AUTO);
        assertThat(config.results().dir()).isEqualTo(Path.of("target", "loadtest"));
        assertThat(config.local().faults()).isEmpty();
        assertThat(config.adopt()).isEmpty();
        assertThat(config.runId().value()).startsWith("20261124-113400-");
    }

    @Test
    void everyOverrideIsRead() {
        RunConfig config = parse(props("target", "staging", "profile", "stress", "users", "50", "spawnRate", "2.5",
                "maxDuration", "90s", "region", "us-west-2", "app", "Blender", "dpi", "192",
                "assignPath", "/container/assign", "hostServicePort", "4700", "hostWait.polls", "20",
                "hostWait.interval", "250ms", "taskWait.polls", "30", "taskWait.interval", "PT2S",
                "assign.attempts", "3", "assign.retryDelay", "2s", "assign.maxRetryAfter", "10s", "release", "false",
                "users.naming", "fixed", "provision.concurrency", "4", "cloud.cleanup", "required",
                "cloud.cluster", "c1", "results.dir", "out/runs", "local.faults", "double-assign,mixed-status",
                "local.rateLimit", "10", "local.prewarmed", "2", "run.adopt", "target/loadtest/lifecycle.json"), ADMIN);

        assertThat(config.target().name()).isEqualTo("staging");
        assertThat(config.target().url()).isEqualTo(URI.create("https://staging-server.fractal.co"));
        assertThat(config.load()).isEqualTo(new LoadShape(Profile.STRESS, 50, 2.5));
        assertThat(config.maxDuration()).isEqualTo(Duration.ofSeconds(90));
        JourneySettings journey = config.journey();
        assertThat(journey.region()).isEqualTo("us-west-2");
        assertThat(journey.app()).isEqualTo("Blender");
        assertThat(journey.dpi()).isEqualTo(192);
        assertThat(journey.assignPath()).isEqualTo("/container/assign");
        assertThat(journey.hostServicePort()).isEqualTo(4700);
        assertThat(journey.hostWait()).isEqualTo(new PollBudget(20, Duration.ofMillis(250)));
        assertThat(journey.taskWait()).isEqualTo(new PollBudget(30, Duration.ofSeconds(2)));
        assertThat(journey.assignAttempts()).isEqualTo(3);
        assertThat(journey.assignRetryDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(journey.maxRetryAfter()).isEqualTo(Duration.ofSeconds(10));
        assertThat(journey.release()).isFalse();
        assertThat(config.provision()).isEqualTo(new ProvisionSettings(ProvisionSettings.UserNaming.FIXED, 4));
        assertThat(config.cloud().mode()).isEqualTo(CloudSettings.Mode.REQUIRED);
        assertThat(config.cloud().cluster()).isEqualTo("c1");
        assertThat(config.cloud().region()).isEqualTo("us-west-2");
        assertThat(config.results().dir()).isEqualTo(Path.of("out/runs"));
        assertThat(config.local().faults()).containsExactlyInAnyOrder(LocalServerSettings.Fault.DOUBLE_ASSIGN,
                LocalServerSettings.Fault.MIXED_STATUS);
        assertThat(config.local().assignRateLimit()).isEqualTo(10);
        assertThat(config.local().prewarmedPerRegion()).isEqualTo(2);
        assertThat(config.adopt()).contains(Path.of("target/loadtest/lifecycle.json"));
    }

    @Test
    void theGeneratorFailsASaturatedRunAndSizesItsConnectionsUnlessToldOtherwise() {
        assertThat(parse(Map.of()).generator()).isEqualTo(new GeneratorSettings(GeneratorSettings.Saturation.FAIL,
                Duration.ofSeconds(10), java.util.OptionalInt.empty()));
        assertThat(parse(props("generator.saturation", "warn", "generator.stopAfter", "1m", "generator.connections", "400"))
                .generator()).isEqualTo(new GeneratorSettings(GeneratorSettings.Saturation.WARN, Duration.ofMinutes(1),
                java.util.OptionalInt.of(400)));
    }

    @Test
    void aRunIdGivenByCiNamesTheRun() {
        assertThat(parse(props("run.id", "20261124-070000-c1d2")).runId()).isEqualTo(new RunId("20261124-070000-c1d2"));
        assertThat(parse(Map.of()).runId().value()).startsWith("20261124-113400-");
    }

    @Test
    void anyHttpsUrlIsATargetForReviewApps() {
        RunConfig config = parse(props("target", "https://fractal-pr-123.herokuapp.com/"), ADMIN);

        assertThat(config.target().kind()).isEqualTo(Target.Kind.URL);
        assertThat(config.target().name()).isEqualTo("fractal-pr-123.herokuapp.com");
        assertThat(config.target().url()).isEqualTo(URI.create("https://fractal-pr-123.herokuapp.com"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "users|ten|users: 'ten' is not accepted; expected a whole number from 1 to 1000000",
            "users|0|users: '0' is not accepted; expected a whole number from 1",
            "target|ftp://x|target: 'ftp://x' is not accepted; expected local, dev, staging, prod, or an http(s):// URL",
            "hostWait.polls|-5|hostWait.polls: '-5' is not accepted; expected a whole number from 1 to 100000",
            "taskWait.polls|-1|taskWait.polls: '-1' is not accepted",
            "profile|heavy|profile: 'heavy' is not accepted; expected one of smoke, weekly, stress, soak",
            "maxDuration|ten minutes|maxDuration: 'ten minutes' is not accepted; expected a duration from 1s to",
            "hostWait.interval|-1s|hostWait.interval: '-1s' is not accepted; expected a duration",
            "spawnRate|0|spawnRate: '0' is not accepted; expected a number from 0.01 to 100000",
            "region|mars|region: 'mars' is not accepted; expected an AWS region such as us-east-1",
            "assignPath|assign now|assignPath: 'assign now' is not accepted; expected a path such as /mandelbox/assign",
            "release|maybe|release: 'maybe' is not accepted; expected true or false",
            "hostServicePort|70000|hostServicePort: '70000' is not accepted; expected a whole number from 1 to 65535",
            "local.faults|bogus|local.faults: 'bogus' is not accepted; expected a comma-separated list of double-assign, lock-timeout, mixed-status, rendezvous-race",
            "cloud.cleanup|sometimes|cloud.cleanup: 'sometimes' is not accepted; expected one of off, auto, required",
            "users.naming|random|users.naming: 'random' is not accepted; expected one of run, fixed",
            "cloud.endpoint|localhost:4566|cloud.endpoint: 'localhost:4566' is not accepted; expected an http:// or https:// URL",
            "run.id|ci-42|run.id: 'ci-42' is not accepted; expected a run id such as 20261124-113400-7f3a",
            "generator.saturation|ignore|generator.saturation: 'ignore' is not accepted; expected one of fail, warn",
            "generator.stopAfter|0s|generator.stopAfter: '0s' is not accepted; expected a duration from 1s to",
            "generator.connections|1|generator.connections: '1' is not accepted; expected a whole number from 2 to 10000000",
    })
    void badValuesStopTheRunNamingPropertyValueAndAcceptedForm(String property, String value, String message) {
        assertThatThrownBy(() -> parse(props(property, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> parse(props("users", "ten", "target", "ftp://x", "profile", "heavy")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(3)
                        .anySatisfy(p -> assertThat(p).startsWith("users:"))
                        .anySatisfy(p -> assertThat(p).startsWith("target:"))
                        .anySatisfy(p -> assertThat(p).startsWith("profile:")));
    }

    @Test
    void productionIsRefusedWithoutConfirmationAndSaysHowToConfirm() {
        assertThatThrownBy(() -> parse(props("target", "prod"), ADMIN))
                .hasMessageContaining("target=prod sends load to production")
                .hasMessageContaining("-DconfirmProd=true");
        assertThatThrownBy(() -> parse(props("target", "https://prod-server.fractal.co"), ADMIN))
                .hasMessageContaining("sends load to production");

        RunConfig confirmed = parse(props("target", "prod", "confirmProd", "true"), ADMIN);
        assertThat(confirmed.target().isProduction()).isTrue();
    }

    @Test
    void deployedTargetsNeedAdminCredentialsFromTheEnvironment() {
        assertThatThrownBy(() -> parse(props("target", "dev")))
                .hasMessageContaining("target=dev needs admin credentials")
                .hasMessageContaining("WEBSERVER_ADMIN_TOKEN")
                .hasMessageContaining("WEBSERVER_ADMIN_USERNAME and WEBSERVER_ADMIN_PASSWORD");
        assertThatThrownBy(() -> parse(props("target", "dev"), Map.of("WEBSERVER_ADMIN_USERNAME", "admin")))
                .hasMessageContaining("needs admin credentials");

        assertThat(parse(props("target", "dev"), Map.of("WEBSERVER_ADMIN_USERNAME", "admin",
                "WEBSERVER_ADMIN_PASSWORD", "pw")).admin().present()).isTrue();
        assertThat(parse(props("target", "dev"), ADMIN).admin().token()).isPresent();
    }

    @Test
    void herokuScalingNeedsItsApiKey() {
        assertThatThrownBy(() -> parse(props("heroku.app", "fractal-staging-server")))
                .hasMessageContaining("heroku.app=fractal-staging-server")
                .hasMessageContaining("HEROKU_API_KEY");

        RunConfig config = parse(props("heroku.app", "fractal-staging-server"), Map.of("HEROKU_API_KEY", "hk"));
        assertThat(config.heroku().enabled()).isTrue();
        assertThat(config.heroku().size()).isEqualTo("Performance-M");
    }

    @Test
    void aRunThatCannotStartItsUsersWithinTheCapIsRefused() {
        assertThatThrownBy(() -> parse(props("users", "5000", "spawnRate", "5", "maxDuration", "10m")))
                .hasMessageContaining("users=5000 at spawnRate=5.0/s (profile weekly) take 16m40s to start")
                .hasMessageContaining("maxDuration=10m");
    }

    @Test
    void secretsNeverShowInTheDescriptionOrInStringForms() {
        RunConfig config = parse(props("target", "staging", "heroku.app", "app"),
                Map.of("WEBSERVER_ADMIN_PASSWORD", "hunter2-secret", "WEBSERVER_ADMIN_USERNAME", "admin-user",
                        "HEROKU_API_KEY", "heroku-secret-key", "SLACK_WEBHOOK_URL", "https://hooks.slack.com/secret-path"));

        String everything = config.describe() + config + config.admin() + config.heroku() + config.notifications();
        assertThat(everything).doesNotContain("hunter2-secret", "heroku-secret-key", "secret-path", "admin-user");
        assertThat(config.admin().password().orElseThrow().reveal()).isEqualTo("hunter2-secret");
    }

    @Test
    void theDescriptionSaysWhatTheRunWillDo() {
        String text = parse(props("users", "20", "spawnRate", "4")).describe();

        assertThat(text).contains("→ local", "profile weekly: 20 journeys at 4.0/s, started over 5s",
                "run capped at 10m", "Google Chrome in us-east-1 via /mandelbox/assign", "host wait 300 × 1s");
    }
}
