package co.fractal.loadtest.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How long a user holds its container once it is ready: {@code 0} (released at once, as the journey always did),
 * a fixed duration, or a distribution each session draws from.
 */
public sealed interface SessionLength {
    /** The accepted forms, for error messages. */
    String FORMS = "expected 0 (release at once), a duration (20m), lognormal:median=<duration>,p90=<duration>,"
            + " exponential:mean=<duration> or uniform:min=<duration>,max=<duration> (durations " + Durations.FORMS + ")";

    /** One session's length. */
    Duration draw(RandomGenerator random);

    /** The mean length: with the arrival rate it gives the held population (Little's law). */
    Duration mean();

    /** True when sessions are held at all (not {@code 0}). */
    default boolean held() {
        return !(this instanceof Fixed fixed) || !fixed.length().isZero();
    }

    /** Every session lasts {@code length}. */
    record Fixed(Duration length) implements SessionLength {
        @Override
        public Duration draw(RandomGenerator random) {
            return length;
        }

        @Override
        public Duration mean() {
            return length;
        }

        @Override
        public String toString() {
            return length.isZero() ? "0" : Durations.describe(length);
        }
    }

    /** Log-normal lengths (long-tailed, as real sessions are), given by their median and 90th percentile. */
    record LogNormal(Duration median, Duration p90) implements SessionLength {
        private static final double Z90 = 1.2815515655446004;

        private double mu() {
            return Math.log(median.toMillis());
        }

        private double sigma() {
            return (Math.log(p90.toMillis()) - mu()) / Z90;
        }

        @Override
        public Duration draw(RandomGenerator random) {
            return Duration.ofMillis(Math.round(Math.exp(mu() + sigma() * random.nextGaussian())));
        }

        @Override
        public Duration mean() {
            return Duration.ofMillis(Math.round(Math.exp(mu() + sigma() * sigma() / 2)));
        }

        @Override
        public String toString() {
            return "lognormal:median=" + Durations.describe(median) + ",p90=" + Durations.describe(p90);
        }
    }

    /** Exponential lengths (memoryless), given by their mean. */
    record Exponential(Duration mean) implements SessionLength {
        @Override
        public Duration draw(RandomGenerator random) {
            return Duration.ofMillis(Math.round(-Math.log(1 - random.nextDouble()) * mean.toMillis()));
        }

        @Override
        public String toString() {
            return "exponential:mean=" + Durations.describe(mean);
        }
    }

    /** Lengths spread evenly between two bounds. */
    record Uniform(Duration min, Duration max) implements SessionLength {
        @Override
        public Duration draw(RandomGenerator random) {
            return Duration.ofMillis(min.toMillis() + (long) (random.nextDouble() * (max.toMillis() - min.toMillis())));
        }

        @Override
        public Duration mean() {
            return min.plus(max).dividedBy(2);
        }

        @Override
        public String toString() {
            return "uniform:min=" + Durations.describe(min) + ",max=" + Durations.describe(max);
        }
    }

    /** Reads one of the {@link #FORMS}; empty when the text is none of them. */
    static Optional<SessionLength> parse(String text) {
        String trimmed = text.trim();
        if (trimmed.equals("0")) {
            return Optional.of(new Fixed(Duration.ZERO));
        }
        int colon = trimmed.indexOf(':');
        if (colon < 0) {
            return Durations.read(trimmed).map(Fixed::new);
        }
        Map<String, Duration> parameters = parameters(trimmed.substring(colon + 1));
        if (parameters == null) {
            return Optional.empty();
        }
        return switch (trimmed.substring(0, colon).toLowerCase(Locale.ROOT)) {
            case "lognormal" -> exactly(parameters, "median", "p90")
                    && parameters.get("median").toMillis() > 0 && parameters.get("p90").compareTo(parameters.get("median")) > 0
                    ? Optional.of(new LogNormal(parameters.get("median"), parameters.get("p90"))) : Optional.empty();
            case "exponential" -> exactly(parameters, "mean") && parameters.get("mean").toMillis() > 0
                    ? Optional.of(new Exponential(parameters.get("mean"))) : Optional.empty();
            case "uniform" -> exactly(parameters, "min", "max") && parameters.get("max").compareTo(parameters.get("min")) > 0
                    ? Optional.of(new Uniform(parameters.get("min"), parameters.get("max"))) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Map<String, Duration> parameters(String text) {
        Map<String, Duration> parameters = new HashMap<>();
        for (String pair : text.split(",")) {
            String[] nameAndValue = pair.split("=", 2);
            Optional<Duration> value = nameAndValue.length == 2 ? Durations.read(nameAndValue[1]) : Optional.empty();
            if (value.isEmpty() || parameters.put(nameAndValue[0].trim().toLowerCase(Locale.ROOT), value.get()) != null) {
                return null;
            }
        }
        return parameters;
    }

    private static boolean exactly(Map<String, Duration> parameters, String... names) {
        return parameters.size() == names.length && java.util.Arrays.stream(names).allMatch(parameters::containsKey);
    }
}
