package co.fractal.loadtest.results;

import java.util.Map;
import java.util.Optional;

/**
 * How one journey ended.
 *
 * @param journeyId             the journey's id (its test user's name)
 * @param failure               why it failed; empty when it succeeded
 * @param origin                how its container came
 * @param timeToContainerMicros assign sent → SUCCESS seen, in microseconds; negative when SUCCESS was not reached
 * @param stepMicros            the time each step reached took, in microseconds
 */
public record JourneyResult(String journeyId, Optional<JourneyFailure> failure, ContainerOrigin origin,
                            long timeToContainerMicros, Map<JourneyStep, Long> stepMicros) {

    public boolean succeeded() {
        return failure.isEmpty();
    }
}
