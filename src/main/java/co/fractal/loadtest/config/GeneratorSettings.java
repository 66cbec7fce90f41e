package co.fractal.loadtest.config;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * How the load generator judges and protects itself while the load runs (README, "The load generator's health").
 *
 * @param saturation  what a saturated generator does to the verdict
 * @param stopAfter   how long saturation may last before the load stops
 * @param connections connections the load may hold at once; empty: sized from the process's open-file limit when
 *                    the load starts
 */
public record GeneratorSettings(Saturation saturation, Duration stopAfter, OptionalInt connections) {

    /** What a saturated generator does to the verdict. */
    public enum Saturation {
        /** The run fails: its figures measure the generator, not the webserver. */
        FAIL,
        /** A caveat: the run is judged on its other figures. */
        WARN
    }

    static GeneratorSettings read(Settings s) {
        OptionalInt connections = s.raw(Setting.GENERATOR_CONNECTIONS).isPresent()
                ? OptionalInt.of(s.integer(Setting.GENERATOR_CONNECTIONS, 1000, 2, 10_000_000)) : OptionalInt.empty();
        return new GeneratorSettings(s.choice(Setting.GENERATOR_SATURATION, Saturation.class, Saturation.FAIL),
                s.duration(Setting.GENERATOR_STOP_AFTER, Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofDays(7)),
                connections);
    }
}
