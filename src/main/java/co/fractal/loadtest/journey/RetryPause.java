package co.fractal.loadtest.journey;

import co.fractal.loadtest.config.JourneySettings;

import java.time.Duration;

/** How long an assign answered 429 or 503 waits before it is sent again. */
public final class RetryPause {
    private RetryPause() {
    }

    /**
     * The {@code Retry-After} seconds the server asked for, cut to {@code assign.maxRetryAfter}; the configured
     * {@code assign.retryDelay} when the header is absent, empty, or not a number of seconds (an HTTP date).
     */
    public static Duration after(String retryAfter, JourneySettings settings) {
        if (retryAfter != null && !retryAfter.isBlank()) {
            try {
                Duration asked = Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
                return asked.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : asked;
            } catch (NumberFormatException e) {
                // an HTTP date or garbage: the configured delay
            }
        }
        return settings.assignRetryDelay();
    }
}
