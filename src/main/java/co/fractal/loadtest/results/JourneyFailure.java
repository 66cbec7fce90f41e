package co.fractal.loadtest.results;

/**
 * Why a journey failed.
 *
 * @param step   the step it failed at
 * @param reason a short, stable label that failures are counted by, e.g. "status 400", "budget exhausted",
 *               "task FAILURE", "transport error"
 * @param detail one concrete example: the status and a body excerpt, the task's output, the exception
 */
public record JourneyFailure(JourneyStep step, String reason, String detail) {
}
