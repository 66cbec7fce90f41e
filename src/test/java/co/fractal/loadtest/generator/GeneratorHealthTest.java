package co.fractal.loadtest.generator;

import co.fractal.loadtest.config.GeneratorSettings;
import co.fractal.loadtest.config.LoadShape;
import co.fractal.loadtest.config.Profile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** What the health says of a run — on the console and in its report — from the seconds it sampled. */
class GeneratorHealthTest {
    private final List<String> console = new ArrayList<>();

    private GeneratorHealth health(GeneratorSettings.Saturation mode, Duration stopAfter) {
        return new GeneratorHealth(new GeneratorSettings(mode, stopAfter, OptionalInt.empty()),
                InjectionPlan.of(new LoadShape(Profile.WEEKLY, 400, 20)), () -> 0, new ConnectionBudget(4, 2), 20_000, console::add);
    }

    private static HealthSample second(int second, long waiting) {
        return new HealthSample(second, second * 20L, second * 20L, 0, 1, waiting, 35, 4, 300, 20_000, 12L, 40L, List.of())
                .judged();
    }

    @Test
    void aRunBelowCapacityIsNotSaturatedAndSaysSoEveryTenSeconds() {
        GeneratorHealth health = health(GeneratorSettings.Saturation.FAIL, Duration.ofSeconds(10));
        for (int s = 1; s <= 20; s++) {
            health.record(second(s, s == 7 ? 3 : 0));
        }

        GeneratorReport report = health.report();
        assertThat(report.saturated()).isFalse();
        assertThat(report.finding()).isEmpty();
        assertThat(report.saturatedFrom()).isNull();
        assertThat(report.samples()).hasSize(20);
        assertThat(report.peaks().requestsWaiting()).isEqualTo(3);
        assertThat(health.stopReason()).isEmpty();
        assertThat(console).hasSize(2).first().asString().startsWith("generator 00:10: journeys started 200 of 200 planned");
    }

    @Test
    void aRunPastItHasTheTimeItBeganTheOfferedRateAndWhyAndStopsOnceItLastsStopAfter() {
        GeneratorHealth health = health(GeneratorSettings.Saturation.WARN, Duration.ofSeconds(3));
        for (int s = 1; s <= 11; s++) {
            health.record(second(s, s > 11 - 3 ? 40 + s : 0));
        }

        GeneratorReport report = health.report();
        assertThat(report.saturated()).isTrue();
        assertThat(report.saturatedFrom()).isEqualTo("00:08");
        assertThat(report.offeredPerSecond()).isEqualTo(20.0);
        assertThat(report.signals()).containsExactly("51 requests waiting for a connection (1 in flight)");
        assertThat(report.stoppedAt()).isEqualTo("00:11");
        assertThat(report.enforced()).isFalse();
        assertThat(report.finding()).hasValue("the load generator saturated from 00:08 at 20 journeys/s offered (51 requests"
                + " waiting for a connection (1 in flight)): figures after 00:08 measure the generator, not the webserver");
        assertThat(health.stopReason()).hasValue("the load generator was saturated for 3s (generator.stopAfter): stopping the"
                + " load at 00:11");
        assertThat(console).containsSubsequence("generator: " + report.finding().orElseThrow(),
                "generator: " + health.stopReason().orElseThrow() + "; teardown follows");
    }
}
