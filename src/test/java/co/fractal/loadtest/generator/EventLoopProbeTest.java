package co.fractal.loadtest.generator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The event-loop lag: late ticks and silences, on a clock the test sets. */
class EventLoopProbeTest {
    private static final long MS = 1_000_000;

    @Test
    void measuresTheLatestTickAndTheSilenceSinceTheLastOne() {
        EventLoopProbe probe = new EventLoopProbe();
        assertThat(probe.readMillis(0)).as("never ticked: not measured").isEmpty();

        probe.tick(1_000 * MS);
        probe.tick(1_100 * MS);
        probe.tick(1_450 * MS);
        probe.tick(1_560 * MS);
        assertThat(probe.readMillis(1_600 * MS)).hasValue(250);
        assertThat(probe.readMillis(1_650 * MS)).as("on time since").hasValue(0);

        assertThat(probe.readMillis(2_560 * MS)).as("no tick for a second: the loop is that late").hasValue(900);

        probe.stop();
        assertThat(probe.readMillis(9_000 * MS)).as("stopped: silence is no lag").isEmpty();
    }
}
