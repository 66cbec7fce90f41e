package co.fractal.loadtest.management.cloud;

import co.fractal.loadtest.config.CloudSettings;
import co.fractal.loadtest.config.ConfigException;
import co.fractal.loadtest.config.RunConfig;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The {@code cloud.*} properties: defaults, and bad values named with the accepted form. */
class CloudSettingsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T11:34:00Z"), ZoneOffset.UTC);

    private static CloudSettings parse(Map<String, String> properties) {
        return RunConfig.parse(properties, Map.of(), CLOCK).cloud();
    }

    @Test
    void defaultsCleanUpAutomaticallyAndRetryThrottlingUpToEightAttempts() {
        CloudSettings settings = RunConfig.parse(Map.of("target", "staging"), Map.of("WEBSERVER_ADMIN_TOKEN", "t"), CLOCK).cloud();

        assertThat(settings.mode()).isEqualTo(CloudSettings.Mode.AUTO);
        assertThat(settings.region()).isEqualTo("us-east-1");
        assertThat(settings.cluster()).isEqualTo("load_test_cluster");
        assertThat(settings.deleteCluster()).isFalse();
        assertThat(settings.tagKey()).isEqualTo("loadtest-run-id");
        assertThat(settings.endpoint()).isEmpty();
        assertThat(settings.maxAttempts()).isEqualTo(8);
        assertThat(parse(Map.of()).mode()).as("the local target has no cloud to clean").isEqualTo(CloudSettings.Mode.OFF);
    }

    @Test
    void namesABadValueWithTheAcceptedForm() {
        ConfigException error = catchThrowableOfType(ConfigException.class,
                () -> parse(Map.of("cloud.maxAttempts", "many", "cloud.cleanup", "sometimes")));

        assertThat(error.problems()).containsExactlyInAnyOrder(
                "cloud.maxAttempts: 'many' is not accepted; expected a whole number from 1 to 20 (e.g. -Dcloud.maxAttempts=8)",
                "cloud.cleanup: 'sometimes' is not accepted; expected one of off, auto, required");
    }
}
