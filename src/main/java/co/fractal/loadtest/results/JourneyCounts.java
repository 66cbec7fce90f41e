package co.fractal.loadtest.results;

import java.util.List;

/**
 * How the journeys ended: started = succeeded + failed + vanished.
 *
 * @param started        journeys started
 * @param succeeded      reached SUCCESS and completed
 * @param failed         ended in a recorded failure (including those a cut-short run's end cut off)
 * @param vanished       never ended, in a run that was not cut short (each is a JOURNEY_ACCOUNTING violation)
 * @param successPercent succeeded / started × 100, to 2 decimals; 0 when none started
 * @param failures       failures by step and reason, most frequent first
 */
public record JourneyCounts(long started, long succeeded, long failed, long vanished, double successPercent,
                            List<FailureKind> failures) {

    public JourneyCounts {
        failures = List.copyOf(failures);
    }

    static JourneyCounts of(RunResults results) {
        double percent = results.started() == 0 ? 0 : Math.round(results.succeeded() * 10_000.0 / results.started()) / 100.0;
        return new JourneyCounts(results.started(), results.succeeded(), results.failed(), results.vanished(), percent,
                results.failures().stream().map(FailureKind::of).toList());
    }
}
