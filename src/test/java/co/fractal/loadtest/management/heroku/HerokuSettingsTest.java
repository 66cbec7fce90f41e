package co.fractal.loadtest.management.heroku;

import co.fractal.loadtest.config.ConfigException;
import co.fractal.loadtest.config.HerokuSettings;
import co.fractal.loadtest.config.RunConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The {@code heroku.*} properties: defaults, and bad values named with the accepted form. */
class HerokuSettingsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T11:34:00Z"), ZoneOffset.UTC);

    private static HerokuSettings parse(Map<String, String> properties) {
        return RunConfig.parse(properties, Map.of("HEROKU_API_KEY", "hrku-key"), CLOCK).heroku();
    }

    @Test
    void defaultsScaleToOnePerformanceMDynoWithBoundedWaits() {
        HerokuSettings settings = parse(Map.of("heroku.app", "fractal-staging-server"));

        assertThat(settings.app()).contains("fractal-staging-server");
        assertThat(settings.size()).isEqualTo("Performance-M");
        assertThat(settings.quantity()).isEqualTo(1);
        assertThat(settings.apiUrl()).isEqualTo(URI.create("https://api.heroku.com"));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.maxAttempts()).isEqualTo(5);
        assertThat(settings.retryDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.apiKey().orElseThrow()).hasToString("****");
    }

    @Test
    void readsTheWaits() {
        HerokuSettings settings = parse(Map.of("heroku.timeout", "10s", "heroku.maxAttempts", "8",
                "heroku.retryDelay", "500ms"));

        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.maxAttempts()).isEqualTo(8);
        assertThat(settings.retryDelay()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void namesEachBadValueWithTheAcceptedForm() {
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> parse(Map.of(
                "heroku.timeout", "soon", "heroku.maxAttempts", "0", "heroku.retryDelay", "2h")));

        assertThat(error.problems()).containsExactlyInAnyOrder(
                "heroku.timeout: 'soon' is not accepted; expected a duration from 100ms to 5m, written like 500ms, "
                        + "30s, 10m, 1h or PT10M",
                "heroku.maxAttempts: '0' is not accepted; expected a whole number from 1 to 20 (e.g. -Dheroku.maxAttempts=5)",
                "heroku.retryDelay: '2h' is not accepted; expected a duration from 0s to 1m, written like 500ms, "
                        + "30s, 10m, 1h or PT10M");
    }
}
