package co.fractal.loadtest.simulation;

import co.fractal.loadtest.config.RunConfig;
import co.fractal.loadtest.management.LoadTestRun;
import co.fractal.loadtest.simulation.steps.ContainerJourney;
import co.fractal.loadtest.simulation.steps.LoadProfiles;
import co.fractal.loadtest.simulation.steps.RunVerdictCheck;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * The weekly load test: test users acquire containers from the target, one journey each, in the load
 * profile's shape; then the run is torn down and judged. Settings are {@code -D} properties (see the
 * README); the target defaults to the embedded reference webserver.
 */
public class ContainerJourneySimulation extends Simulation {
    // validated before anything touches the network: a bad -D value stops the run here
    private final RunConfig config = RunConfig.fromSystem();
    private final LoadTestRun run = new LoadTestRun(config, System.out::println);

    // one connection pool for all users (thousands of users, not thousands of sockets); no warm-up call
    private final HttpProtocolBuilder protocol = http
            .shareConnections()
            .disableWarmUp()
            .disableCaching()
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .userAgentHeader("fractal-webserver-load-test");

    {
        setUp(new ContainerJourney(run, config.journey()).scenario()
                        .injectOpen(LoadProfiles.injection(config.load()))
                        .andThen(RunVerdictCheck.scenario(run).injectOpen(atOnceUsers(1))))
                .protocols(protocol)
                .maxDuration(config.maxDuration())
                .assertions(LoadProfiles.assertions(config.load()));
    }

    // provision the run's test users (and start the embedded webserver when the target is local)
    @Override
    public void before() {
        run.start();
    }

    // tear down and judge, if the verdict user did not get to (run cut off by maxDuration)
    @Override
    public void after() {
        run.finish(false);
    }
}
