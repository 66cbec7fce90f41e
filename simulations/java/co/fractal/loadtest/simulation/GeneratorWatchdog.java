package co.fractal.loadtest.simulation;

import co.fractal.loadtest.generator.EventLoopProbe;
import co.fractal.loadtest.management.LoadTestRun;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.ScenarioBuilder;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;

/**
 * One virtual user beside the journeys, for as long as they and their held sessions run: every
 * {@link EventLoopProbe#INTERVAL} it ticks the generator's event-loop probe (its pause is scheduled on an event loop
 * like every journey's, so it is as late as they are), and when saturation has lasted {@code generator.stopAfter} it stops the load — journeys in flight are
 * cut off, and the run's teardown follows in {@code after()}.
 */
public final class GeneratorWatchdog {
    private GeneratorWatchdog() {
    }

    public static ScenarioBuilder scenario(LoadTestRun run) {
        return CoreDsl.scenario("generator watchdog")
                .asLongAsDuring(session -> !run.loadOver() && run.generator().stopReason().isEmpty(),
                        session -> run.maxDuration()).on(
                        exec(session -> {
                            run.generator().probe().tick();
                            return session;
                        }),
                        pause(EventLoopProbe.INTERVAL))
                .exec(session -> {
                    run.generator().probe().stop();
                    return session;
                })
                .exec(stopLoadGeneratorIf(session -> run.generator().stopReason().orElse("load over"),
                        session -> run.generator().stopReason().isPresent()));
    }
}
