package co.fractal.loadtest.simulation.groups;

import co.fractal.loadtest.management.LoadTestRun;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.ScenarioBuilder;

import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.pause;

/**
 * The run's last user, started once every journey has ended: it tears the run down and checks the
 * invariants, and its group "run verdict" fails when the run did — so Gatling's assertions, exit code and
 * report carry what only the run as a whole can tell (leftovers after teardown, an enforced baseline).
 */
public final class RunVerdictCheck {
    /** The group that fails when the run's verdict is negative. */
    public static final String VERDICT = "run verdict";

    private RunVerdictCheck() {
    }

    /** The longest it waits for the simulated hosts' dying beats once the journeys are over. */
    private static final Duration HOSTS_PATIENCE = Duration.ofMinutes(2);

    public static ScenarioBuilder scenario(LoadTestRun run) {
        return CoreDsl.scenario(VERDICT)
                .exec(asLongAsDuring(session -> !run.hostsDone(), HOSTS_PATIENCE).on(pause(Duration.ofMillis(200))))
                .exec(group(VERDICT).on(exec(session -> run.finish(false).passed() ? session : session.markAsFailed())));
    }
}
