package co.fractal.loadtest.results;

/**
 * Journeys that failed the same way, as the summary states it.
 *
 * @param step    the step's key (assign, hostWait, tokenHandover, taskWait, release), or null for journeys the
 *                end of a cut-short run cut off
 * @param reason  the stable label they are counted by, e.g. "task FAILURE"
 * @param count   how many journeys
 * @param example the detail of the first one
 */
public record FailureKind(String step, String reason, long count, String example) {

    static FailureKind of(FailureTally tally) {
        return new FailureKind(tally.step().map(JourneyStep::key).orElse(null), tally.reason(), tally.count(),
                tally.example());
    }

    /** The step's name for people, e.g. "host wait"; "(unfinished)" for journeys a cut-short run's end cut off. */
    public String stepLabel() {
        for (JourneyStep each : JourneyStep.values()) {
            if (each.key().equals(step)) {
                return each.label();
            }
        }
        return "(unfinished)";
    }
}
