package co.fractal.loadtest.webserver;

import java.time.Duration;

/**
 * The outcome of registering a test user.
 *
 * @param outcome    created, already there, or refused for now (rate limit)
 * @param retryAfter for {@link Outcome#RATE_LIMITED}, how long the webserver asked to wait
 */
public record Registration(Outcome outcome, Duration retryAfter) {

    /** What became of the registration. */
    public enum Outcome { CREATED, EXISTS, RATE_LIMITED }
}
