package co.fractal.loadtest.results;

import java.util.Optional;

/**
 * The journeys that failed the same way.
 *
 * @param step    the step they failed at; empty for journeys the run's end cut off
 * @param reason  the failure's stable label, e.g. "task FAILURE"
 * @param count   how many journeys failed so
 * @param example the detail of the first of them, cut to a bounded length
 */
public record FailureTally(Optional<JourneyStep> step, String reason, long count, String example) {
}
