package co.fractal.loadtest.simulation;

import co.fractal.loadtest.config.LoadShape;
import co.fractal.loadtest.config.RunConfig;
import co.fractal.loadtest.management.LoadTestRun;
import co.fractal.loadtest.simulation.groups.ContainerJourney;
import co.fractal.loadtest.simulation.groups.HostActors;
import co.fractal.loadtest.simulation.groups.RunVerdictCheck;
import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

import java.util.ArrayList;
import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;

/**
 * The weekly load test: test users acquire containers from the target, one journey each, in the load
 * profile's shape; then the run is torn down and judged. Settings are {@code -D} properties (see the
 * README); the target defaults to the embedded reference webserver.
 */
public class ContainerJourneySimulation extends Simulation {
    // validated before anything touches the network: a bad -D value stops the run here
    private final RunConfig config = RunConfig.fromSystem();
    // the target up (the embedded webserver started when local) and logged into
    private final LoadTestRun run = LoadTestRun.open(config, System.out::println);

    {
        List<PopulationBuilder> populations = new ArrayList<>(List.of(
                new ContainerJourney(run, config.journey(), config.sessions(), run.target().hostServicePort()).scenario()
                        .injectOpen(injection(config.load()))
                        .andThen(RunVerdictCheck.scenario(run).injectOpen(atOnceUsers(1)))));
        // watches the generator's event loops, and stops a load that saturated it for too long
        populations.add(GeneratorWatchdog.scenario(run).injectOpen(atOnceUsers(1)));
        // the container hosts heartbeat beside the journeys while the load runs
        if (config.hosts().count() > 0) {
            populations.add(new HostActors(run, config.hosts(), config.journey().region(), config.maxDuration())
                    .scenario(config.runId().value()).injectOpen(atOnceUsers(config.hosts().count())));
        }
        setUp(populations)
                .protocols(JourneyProtocol.of(run.target()))
                .maxDuration(config.maxDuration())
                .assertions(assertions(config.load()));
    }

    // provision the run's test users (or adopt the run the Maven lifecycle provisioned)
    @Override
    public void before() {
        run.start();
    }

    // tear down and judge, if the verdict user did not get to (run cut off by maxDuration)
    @Override
    public void after() {
        run.finish(false);
    }

    // the profile's shape: exactly `users` journeys
    private static OpenInjectionStep[] injection(LoadShape shape) {
        return shape.steps().stream()
                .map(step -> step.during().isZero() ? atOnceUsers(step.users()) : rampUsers(step.users()).during(step.during()))
                .toArray(OpenInjectionStep[]::new);
    }

    // enough journeys acquired a container (those cut off by maxDuration never count), and the run's verdict
    // (teardown, invariants, baseline) ran and passed
    private static List<Assertion> assertions(LoadShape shape) {
        long required = (long) Math.ceil(shape.users() * shape.profile().minSuccessPercent() / 100.0);
        return List.of(
                details(ContainerJourney.ACQUIRE).successfulRequests().count().gte(required),
                details(RunVerdictCheck.VERDICT).successfulRequests().count().is(1L));
    }
}
