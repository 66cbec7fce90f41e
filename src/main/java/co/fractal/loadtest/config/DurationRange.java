package co.fractal.loadtest.config;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A duration drawn evenly between two bounds each time, written {@code 10s..60s} (or a single duration for a
 * fixed one).
 *
 * @param min the shortest
 * @param max the longest, not shorter than {@code min}
 */
public record DurationRange(Duration min, Duration max) {
    /** The accepted form, for error messages. */
    public static final String FORM = "expected <min>..<max> such as 10s..60s, or one duration (durations " + Durations.FORMS + ")";

    /** One draw. */
    public Duration draw(RandomGenerator random) {
        long span = max.toMillis() - min.toMillis();
        return span == 0 ? min : min.plusMillis((long) (random.nextDouble() * (span + 1)));
    }

    /** Reads {@code min..max} or one duration; empty when it is neither, or max is below min. */
    static Optional<DurationRange> parse(String text) {
        String[] bounds = text.split("\\.\\.", -1);
        if (bounds.length > 2) {
            return Optional.empty();
        }
        Optional<Duration> min = Durations.read(bounds[0]);
        Optional<Duration> max = bounds.length == 2 ? Durations.read(bounds[1]) : min;
        return min.isPresent() && max.isPresent() && max.get().compareTo(min.get()) >= 0
                ? Optional.of(new DurationRange(min.get(), max.get())) : Optional.empty();
    }

    @Override
    public String toString() {
        return min.equals(max) ? Durations.describe(min) : Durations.describe(min) + ".." + Durations.describe(max);
    }
}
