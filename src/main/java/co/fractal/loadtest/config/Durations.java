package co.fractal.loadtest.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Short human forms of durations, the same form the {@code -D} properties accept. */
public final class Durations {
    /** The accepted forms, for error messages. */
    public static final String FORMS = "written like 500ms, 30s, 10m, 1h or PT10M";
    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)");

    private Durations() {
    }

    /** A duration written like 500ms, 30s, 10m, 1h or PT10M; empty when it is not one or negative. */
    public static Optional<Duration> read(String text) {
        Matcher matcher = SHORT.matcher(text.trim().toLowerCase(Locale.ROOT));
        try {
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                return Optional.of(switch (matcher.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                });
            }
            Duration parsed = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            return parsed.isNegative() ? Optional.empty() : Optional.of(parsed);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A duration given to an option.
     *
     * @throws IllegalArgumentException naming the option, the value and the accepted forms
     */
    public static Duration parse(String option, String text) {
        return read(text).orElseThrow(() -> new IllegalArgumentException(
                option + ": '" + text + "' is not accepted; expected a duration " + FORMS));
    }

    /** 1h, 10m, 30s, 250ms, or a combination such as 1m30s. */
    public static String describe(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        if (duration.toMillis() < 1000) {
            return duration.toMillis() + "ms";
        }
        StringBuilder text = new StringBuilder();
        long hours = duration.toHours();
        int minutes = duration.toMinutesPart();
        int seconds = duration.toSecondsPart();
        int millis = duration.toMillisPart();
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0) {
            text.append(minutes).append('m');
        }
        if (seconds > 0 || millis > 0) {
            text.append(millis > 0 ? String.format("%d.%03ds", seconds, millis) : seconds + "s");
        }
        return text.toString();
    }
}
