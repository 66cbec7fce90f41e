package co.fractal.loadtest.simulation.steps;

import co.fractal.loadtest.config.LoadShape;
import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.OpenInjectionStep;

import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;

/** A load shape in Gatling's terms: its injection steps and the assertions that decide the run. */
public final class LoadProfiles {
    private LoadProfiles() {
    }

    /** One injection step per step of the shape: exactly {@code users} journeys in all. */
    public static OpenInjectionStep[] injection(LoadShape shape) {
        return shape.steps().stream()
                .map(step -> step.during().isZero() ? atOnceUsers(step.users()) : rampUsers(step.users()).during(step.during()))
                .toArray(OpenInjectionStep[]::new);
    }

    /**
     * Enough journeys acquired a container (journeys cut off by the run's time cap never count), and the
     * run's verdict — teardown, invariants, baseline — ran and passed.
     */
    public static List<Assertion> assertions(LoadShape shape) {
        long required = (long) Math.ceil(shape.users() * shape.profile().minSuccessPercent() / 100.0);
        return List.of(
                details(ContainerJourney.ACQUIRE).successfulRequests().count().gte(required),
                details(RunVerdictCheck.VERDICT).successfulRequests().count().is(1L));
    }
}
