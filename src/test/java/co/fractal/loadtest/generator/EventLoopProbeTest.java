package co.fractal.loadtest.generator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The event-loop lag: the median lateness of a second's ticks, the worst one, and silences, on a clock the test sets. */
class EventLoopProbeTest {
    private static final long MS = 1_000_000;

    @Test
    void aSecondsLagIsItsTypicalTickWhileOneStallShowsOnlyAsItsWorst() {
        EventLoopProbe probe = new EventLoopProbe();
        assertThat(probe.read(0)).as("never ticked: not measured").isEmpty();

        probe.tick(1_000 * MS);
        probe.tick(1_100 * MS);
        probe.tick(1_850 * MS); // one stall of 650 ms
        probe.tick(1_960 * MS);
        assertThat(probe.read(2_000 * MS)).hasValue(new EventLoopProbe.Lag(10, 650));

        for (long t = 2_260; t <= 3_500; t += 300) {
            probe.tick(t * MS); // every tick 200 ms late: an event loop behind its work
        }
        assertThat(probe.read(3_500 * MS)).hasValue(new EventLoopProbe.Lag(200, 200));
    }

    @Test
    void aSecondWithoutATickIsAsLateAsTheSilenceUntilTheProbeStops() {
        EventLoopProbe probe = new EventLoopProbe();
        probe.tick(1_000 * MS);
        probe.tick(1_100 * MS);
        assertThat(probe.read(1_150 * MS)).hasValue(new EventLoopProbe.Lag(0, 0));

        assertThat(probe.read(2_100 * MS)).as("no tick for a second: the loop is that late").hasValue(new EventLoopProbe.Lag(900, 900));

        probe.stop();
        assertThat(probe.read(9_000 * MS)).as("stopped: silence is no lag").isEmpty();
    }
}
