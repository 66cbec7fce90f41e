package co.fractal.loadtest.localserver;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Port triples of the container host: unique among existing containers, not reused until the range wraps. */
class HostPortsTest {

    @Test
    void everyTripleOfTheRangeIsHandedOutOnceThenNoneIsLeft() {
        HostPorts ports = new HostPorts();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < HostPorts.TRIPLES; i++) {
            int first = ports.allocate();
            assertThat(first).isBetween(1024, 65533);
            assertThat(seen.add(first) && seen.add(first + 1) && seen.add(first + 2)).as("port %d reused", first).isTrue();
        }

        assertThat(ports.allocate()).isEqualTo(-1);
    }

    @Test
    void aFreedTripleIsReusedOnlyAfterTheCursorWraps() {
        HostPorts ports = new HostPorts();
        int first = ports.allocate();
        assertThat(first).isGreaterThanOrEqualTo(32767);
        ports.free(first);

        assertThat(ports.allocate()).isEqualTo(first + 3);
        for (int i = 2; i < HostPorts.TRIPLES; i++) {
            assertThat(ports.allocate()).isNotEqualTo(first);
        }
        assertThat(ports.allocate()).isEqualTo(first);
    }
}
