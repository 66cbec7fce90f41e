package co.fractal.loadtest.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Scaling of the target's Heroku web tier for the run, as the original did: skipped unless
 * {@code heroku.app} is set.
 *
 * @param app         the Heroku app whose formation is scaled, e.g. fractal-staging-server
 * @param apiKey      the Platform API key, from {@value #API_KEY_ENV}
 * @param processType the formation's process type, normally web
 * @param size        the dyno size for the run, e.g. Performance-M
 * @param quantity    the dyno count for the run
 * @param apiUrl      the Platform API's base URL
 * @param timeout     the longest wait for one Platform API request, connecting included
 * @param maxAttempts requests at most, counting the first, when the Platform API answers 429
 * @param retryDelay  the wait before the first retry after a 429; it doubles with each further retry
 */
public record HerokuSettings(Optional<String> app, Optional<Secret> apiKey, String processType, String size,
                             int quantity, URI apiUrl, Duration timeout, int maxAttempts, Duration retryDelay) {
    public static final String API_KEY_ENV = "HEROKU_API_KEY";

    static HerokuSettings read(Settings s, Map<String, String> env) {
        Optional<String> app = s.raw(Setting.HEROKU_APP);
        Optional<Secret> key = Secret.of(env.get(API_KEY_ENV));
        if (app.isPresent() && key.isEmpty()) {
            s.problem("heroku.app=" + app.get() + " scales the web tier and needs " + API_KEY_ENV
                    + " in the environment; set it, or leave heroku.app unset to skip scaling");
        }
        return new HerokuSettings(app, key, s.text(Setting.HEROKU_PROCESS_TYPE, "web"), s.text(Setting.HEROKU_SIZE, "Performance-M"),
                s.integer(Setting.HEROKU_QUANTITY, 1, 1, 100),
                s.httpUrl(Setting.HEROKU_API_URL).orElse(URI.create("https://api.heroku.com")),
                s.duration(Setting.HEROKU_TIMEOUT, Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMinutes(5)),
                s.integer(Setting.HEROKU_MAX_ATTEMPTS, 5, 1, 20),
                s.duration(Setting.HEROKU_RETRY_DELAY, Duration.ofSeconds(2), Duration.ZERO, Duration.ofMinutes(1)));
    }

    /** True when the run scales a formation. */
    public boolean enabled() {
        return app.isPresent();
    }
}
