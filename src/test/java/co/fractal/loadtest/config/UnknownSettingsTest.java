package co.fractal.loadtest.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A {@code -D} property that looks like a setting but is none stops the run; every other property is left alone. */
class UnknownSettingsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T11:34:00Z"), ZoneOffset.UTC);

    private static RunConfig parse(Map<String, String> properties) {
        return RunConfig.parse(properties, Map.of(), CLOCK);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "usres|usres: unknown setting; did you mean -Dusers?",
            "user|user: unknown setting; did you mean -Dusers?",
            "spawnrate|spawnrate: unknown setting; did you mean -DspawnRate? (setting names are case-sensitive)",
            "maxduration|maxduration: unknown setting; did you mean -DmaxDuration? (setting names are case-sensitive)",
            "MaxDuraton|MaxDuraton: unknown setting; did you mean -DmaxDuration?",
            "hostWait.pols|hostWait.pols: unknown setting; did you mean -DhostWait.polls?",
            "taskwait.interval|taskwait.interval: unknown setting; did you mean -DtaskWait.interval? (setting names are case-sensitive)",
            "local.prewarm|local.prewarm: unknown setting; did you mean -Dlocal.prewarmed?",
            "confirmPord|confirmPord: unknown setting; did you mean -DconfirmProd?",
            "relase|relase: unknown setting; did you mean -Drelease?",
            "DPI|DPI: unknown setting; did you mean -Ddpi? (setting names are case-sensitive)",
    })
    void aNearMissIsRefusedWithTheSettingItIsNearest(String property, String message) {
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> parse(Map.of(property, "5")));

        assertThat(error.problems()).containsExactly(message);
    }

    @Test
    void aPropertyWithASettingsPrefixThatIsNoSettingIsRefusedListingThatPrefixsSettings() {
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> parse(Map.of("run.label", "nightly")));

        assertThat(error.problems()).containsExactly("run.label: unknown setting; the run.* settings are -Drun.id, -Drun.adopt");
        assertThatThrownBy(() -> parse(Map.of("hostWait.backoff", "2s")))
                .hasMessageContaining("hostWait.backoff: unknown setting; the hostWait.* settings are -DhostWait.polls, -DhostWait.interval");
        assertThatThrownBy(() -> parse(Map.of("Heroku.region", "eu")))
                .hasMessageContaining("Heroku.region: unknown setting; the heroku.* settings are -Dheroku.app, -Dheroku.size");
    }

    @Test
    void theCheckedPrefixesAreEveryPrefixOfTheSettingsAndNoneIsAForeignNamespace() {
        assertThat(UnknownSettings.PREFIXES).containsExactlyInAnyOrder("generator.", "hostWait.", "taskWait.", "assign.", "session.", "hosts.",
                "users.", "provision.", "heroku.", "cloud.", "run.", "results.", "baseline.", "shard.", "start.", "local.");
        for (Setting setting : Setting.values()) {
            assertThat(UnknownSettings.FOREIGN).as(setting.key()).noneMatch(setting.key()::startsWith);
            setting.prefix().ifPresent(prefix -> assertThatThrownBy(() -> parse(Map.of(prefix + "noSuchThing", "1")))
                    .as(prefix).hasMessageContaining(prefix + "noSuchThing: unknown setting"));
        }
    }

    @Test
    void everyMistypedSettingAndBadValueIsListedAtOnceAndNoValueIsRepeated() {
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> parse(Map.of("usres", "5",
                "hostWait.pols", "3", "heroku.apiKey", "hrku-secret-value", "users", "ten", "profile", "heavy")));

        assertThat(error.problems()).containsExactly(
                "heroku.apiKey: unknown setting; did you mean -Dheroku.apiUrl?",
                "hostWait.pols: unknown setting; did you mean -DhostWait.polls?",
                "usres: unknown setting; did you mean -Dusers?",
                "profile: 'heavy' is not accepted; expected one of smoke, weekly, stress, soak, sessions",
                "users: 'ten' is not accepted; expected a whole number from 1 to 1000000 (e.g. -Dusers=10)");
        assertThat(error.getMessage()).doesNotContain("hrku-secret-value");
    }

    @Test
    void propertiesOfMavenGatlingTheJvmAndTheProjectsToolsPassUntouched() {
        Map<String, String> properties = new HashMap<>();
        for (String name : new String[]{"java.home", "java.vm.version", "javax.net.ssl.trustStore", "jdk.debug",
                "sun.java.command", "os.name", "user.dir", "user.name", "user.home", "file.encoding", "line.separator",
                "path.separator", "native.encoding", "stdout.encoding", "awt.toolkit", "http.proxyHost", "socksProxyHost",
                "maven.home", "maven.repo.local", "maven.multiModuleProjectDirectory", "maven.main.skip", "maven.test.skip",
                "classworlds.conf", "library.jansi.path", "jansi.passthrough", "env.HOME", "exec.args", "exec.mainClass",
                "gatling.simulationClass", "gatling.core.encoding", "gatling.http.pooledConnectionIdleTimeout",
                "surefire.test.class.path", "basedir", "localRepository", "test", "it.test", "skipTests", "skipITs",
                "style.color", "guice_custom_class_loading", "io.netty.leakDetection.level", "org.slf4j.simpleLogger.defaultLogLevel",
                "logback.configurationFile", "aws.disableEc2Metadata", "aws.region", "loadtest.lifecycle.dir",
                "bench.out", "bench.targets", "bench.users", "idea.version", "CI", "debug", "quiet", "offline"}) {
            properties.put(name, "x");
        }
        System.getProperties().forEach((name, value) -> properties.put(String.valueOf(name), String.valueOf(value)));
        properties.put("users", "3");

        assertThat(parse(properties).load().users()).isEqualTo(3);
        assertThat(UnknownSettings.problems(properties.keySet())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ap", "apps", "dp", "dpis", "use", "tag", "port", "host", "skip", "basedir", "releases2"})
    void shortOrUnrelatedNamesAreNoNearMiss(String name) {
        assertThat(UnknownSettings.problems(java.util.List.of(name))).isEmpty();
    }

    @Test
    void aNearMissIsAFewTyposScaledWithTheNamesLength() {
        assertThat(UnknownSettings.typosAllowed("app")).isZero();
        assertThat(UnknownSettings.typosAllowed("users")).isEqualTo(1);
        assertThat(UnknownSettings.typosAllowed("baseline")).isEqualTo(2);
        assertThat(UnknownSettings.typosAllowed("baseline.successTolerance")).isEqualTo(3);
        assertThat(UnknownSettings.distance("usres", "users")).as("two letters swapped").isEqualTo(1);
        assertThat(UnknownSettings.distance("hostwait.pols", "hostwait.polls")).isEqualTo(1);
        assertThat(UnknownSettings.distance("basedir", "baseline")).isEqualTo(3);
    }
}
