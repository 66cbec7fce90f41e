package co.fractal.loadtest.config;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The settings of a run spread over shards: read, validated, refused clearly, and fingerprinted. */
class ShardSettingsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T07:00:00Z"), ZoneOffset.UTC);
    private static final String URL = "https://staging-server.fractal.co";
    private static final Map<String, String> ADMIN = Map.of("WEBSERVER_ADMIN_TOKEN", "tok-secret-123");

    private static RunConfig parse(Map<String, String> env, String... keyValues) {
        Map<String, String> properties = new HashMap<>(Map.of("target", URL, "run.id", "20261206-070000-0a1b"));
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put(keyValues[i], keyValues[i + 1]);
        }
        properties.values().removeIf(String::isEmpty);
        Map<String, String> allEnv = new HashMap<>(ADMIN);
        allEnv.putAll(env);
        return RunConfig.parse(properties, allEnv, CLOCK);
    }

    private static ConfigException refused(Map<String, String> env, String... keyValues) {
        return catchThrowableOfType(ConfigException.class, () -> parse(env, keyValues));
    }

    @Test
    void aShardInjectsItsSliceAndKnowsTheWholeRun() {
        RunConfig config = parse(Map.of(), "shard", "1/3", "users", "10", "start.at", "2026-12-06T07:05:00Z");

        assertThat(config.runId()).isEqualTo(new RunId("20261206-070000-0a1b"));
        assertThat(config.shards().shard()).contains(new Shard(1, 3));
        assertThat(config.shards().users()).isEqualTo(new Shard.Slice(4, 3));
        assertThat(config.load().users()).isEqualTo(3);
        assertThat(config.load().spawnRate()).isEqualTo(3.0);
        assertThat(config.shards().run().users()).isEqualTo(10);
        assertThat(config.shards().startAt()).contains(Instant.parse("2026-12-06T07:05:00Z"));
        assertThat(config.describe()).contains("shard 1/3 (users 4–6 of 10)", "load starting at 2026-12-06T07:05:00Z");
    }

    @Test
    void aKubernetesIndexedJobGivesTheIndexInTheEnvironment() {
        RunConfig config = parse(Map.of("JOB_COMPLETION_INDEX", "2"), "shard.count", "3", "users", "10");

        assertThat(config.shards().shard()).contains(new Shard(2, 3));
        assertThat(config.shards().users()).isEqualTo(new Shard.Slice(7, 3));
    }

    @Test
    void withoutShardSettingsTheProcessRunsTheWholeRun() {
        RunConfig config = RunConfig.parse(Map.of("users", "10"), Map.of("JOB_COMPLETION_INDEX", "1"), CLOCK);

        assertThat(config.shards().sharded()).isFalse();
        assertThat(config.load().users()).isEqualTo(10);
        assertThat(config.shards().users()).isEqualTo(new Shard.Slice(0, 10));
    }

    @Test
    void badShardSettingsAreRefusedNamingTheSettingTheValueAndTheAcceptedForm() {
        assertThat(refused(Map.of(), "shard", "3/3").problems())
                .contains("shard: '3/3' is not accepted; expected <index>/<count> with 0 ≤ index < count ≤ 1000, e.g. -Dshard=0/3");
        assertThat(refused(Map.of(), "shard", "first").problems()).anyMatch(p -> p.startsWith("shard: 'first' is not accepted"));
        assertThat(refused(Map.of(), "shard", "0/2", "shard.count", "2").problems())
                .contains("give either -Dshard=<index>/<count> or -Dshard.count=<count> (with the index in JOB_COMPLETION_INDEX), not both");
        assertThat(refused(Map.of(), "shard.count", "3").problems()).anyMatch(p -> p.startsWith(
                "shard.count=3 takes the shard's index from JOB_COMPLETION_INDEX (set by a Kubernetes Indexed Job), which is not set"));
        assertThat(refused(Map.of("JOB_COMPLETION_INDEX", "3"), "shard.count", "3").problems())
                .contains("JOB_COMPLETION_INDEX: '3' is not accepted; expected a whole number from 0 to 2 (the shard's index among -Dshard.count=3)");
        assertThat(refused(Map.of(), "shard.count", "0").problems()).anyMatch(p -> p.startsWith("shard.count: '0' is not accepted"));
        assertThat(refused(Map.of(), "run.id", "nightly").problems()).anyMatch(p -> p.startsWith(
                "run.id: 'nightly' is not accepted; expected a run id such as 20261124-113400-7f3a"));
        assertThat(refused(Map.of(), "start.at", "tomorrow").problems()).contains("start.at: 'tomorrow' is not accepted;"
                + " expected an ISO-8601 instant no more than 24h ahead, e.g. -Dstart.at=2026-12-06T07:05:00Z");
        assertThat(refused(Map.of(), "start.at", "2026-12-09T07:00:00Z").problems())
                .anyMatch(p -> p.startsWith("start.at: '2026-12-09T07:00:00Z' is not accepted"));
    }

    @Test
    void whatShardsCannotShareIsRefused() {
        assertThat(refused(Map.of(), "shard", "0/2", "run.id", "").problems()).anyMatch(p -> p.startsWith(
                "shard=0/2: every shard of a run needs the same -Drun.id=<run id>"));
        assertThat(refused(Map.of(), "shard", "0/3", "users", "2").problems())
                .contains("users=2 cannot be spread over 3 shards: every shard needs at least one user; raise users or lower the shard count");
        assertThat(refused(Map.of("HEROKU_API_KEY", "k"), "shard", "0/2", "heroku.app", "fractal-staging-server").problems())
                .anyMatch(p -> p.startsWith("shard=0/2 with heroku.app: each shard would scale the web tier"));
        assertThat(refused(Map.of(), "shard", "0/2", "target", "local").problems())
                .anyMatch(p -> p.startsWith("shard=0/2 with target=local: each shard would start its own embedded webserver"));
    }

    @Test
    void theShardsOfARunShareOneFingerprintWhichHoldsNoSecret() {
        SettingsFingerprint first = parse(Map.of(), "shard", "0/3", "users", "30").fingerprint();
        SettingsFingerprint last = parse(Map.of(), "shard", "2/3", "users", "30", "start.at", "2026-12-06T07:05:00Z",
                "results.dir", "elsewhere").fingerprint();
        SettingsFingerprint other = parse(Map.of(), "shard", "2/3", "users", "31").fingerprint();

        assertThat(last).isEqualTo(first);
        assertThat(other.hash()).isNotEqualTo(first.hash());
        assertThat(other.settings()).containsEntry("users", "31").containsEntry("shard.count", "3");
        assertThat(first.settings().toString()).doesNotContain("tok-secret-123");
    }
}
