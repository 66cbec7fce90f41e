package co.fractal.loadtest.bench;

import co.fractal.loadtest.config.RunConfig;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** What the benchmark's journey simulations share: their run configuration. */
final class BenchRun {
    /** Settings that let a load go on once its generator is saturated: the benchmark measures it there. */
    static final Map<String, String> MEASURE_SATURATED = Map.of("generator.saturation", "warn", "generator.stopAfter", "168h");

    private BenchRun() {
    }

    /**
     * The run configuration of a benchmark simulation: the row's defaults, overridden by this process's
     * {@code -D} properties, then the number of test users and the time cap the row's load shape needs.
     * Notifications are off whatever the environment says (a benchmark run is no load-test run to announce). The
     * generator's saturation is only a caveat and never stops the load: a row drives the generator to its limits on
     * purpose, with rules of its own to stop.
     */
    static RunConfig config(Map<String, String> rowDefaults, int users, Duration maxDuration) {
        Map<String, String> properties = new HashMap<>(MEASURE_SATURATED);
        properties.putAll(rowDefaults);
        properties.putAll(BenchFiles.runProperties());
        properties.put("users", Integer.toString(users));
        properties.put("spawnRate", "100000");
        properties.put("maxDuration", maxDuration.toSeconds() + "s");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(name -> name.startsWith("SLACK_") || name.startsWith("GITHUB_"));
        return RunConfig.parse(properties, env, Clock.systemUTC());
    }
}
