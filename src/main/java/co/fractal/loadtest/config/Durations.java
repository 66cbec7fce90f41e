package co.fractal.loadtest.config;

import java.time.Duration;

/** Short human forms of durations, the same form the {@code -D} properties accept. */
public final class Durations {
    private Durations() {
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
