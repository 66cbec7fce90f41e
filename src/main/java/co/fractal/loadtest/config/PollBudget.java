package co.fractal.loadtest.config;

import java.time.Duration;

/**
 * How long a journey keeps polling: at most {@code polls} requests, {@code interval} apart.
 *
 * @param polls    the most requests the loop sends, at least 1
 * @param interval the pause between two polls
 */
public record PollBudget(int polls, Duration interval) {
    /** The longest the loop can take, not counting response times. */
    public Duration maxWait() {
        return interval.multipliedBy(polls);
    }

    @Override
    public String toString() {
        return polls + " × " + Durations.describe(interval);
    }
}
