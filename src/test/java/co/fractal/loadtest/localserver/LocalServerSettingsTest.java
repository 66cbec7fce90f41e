package co.fractal.loadtest.localserver;

import co.fractal.loadtest.config.ConfigException;
import co.fractal.loadtest.config.LocalServerSettings;
import co.fractal.loadtest.config.LocalServerSettings.Fault;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The {@code local.*} properties the reference webserver reads, with their defaults and their errors. */
class LocalServerSettingsTest {

    @Test
    void defaultsAreSmallDelaysNoLimitsAndNoFaults() {
        LocalServerSettings settings = LocalServerSettings.defaults();

        assertThat(settings.port()).isZero();
        assertThat(settings.prewarmedPerRegion()).isEqualTo(4);
        assertThat(settings.clientTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.busyAbove()).isZero();
        assertThat(settings.assignRateLimit()).isZero();
        assertThat(settings.taskRetention()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.ioThreads()).isEqualTo(2);
        assertThat(settings.faults()).isEmpty();
        assertThat(settings.prebootNumber()).isZero();
        assertThat(settings.reapAfter()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.logsDelay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void readsEveryProperty() {
        LocalServerSettings settings = LocalServerSettings.fromProperties(Map.of("local.busyAbove", "50",
                "local.taskRetention", "30s", "local.ioThreads", "1", "local.faults", "double-assign, MIXED_STATUS",
                "local.rateLimit", "10", "local.maintenance", "yes", "local.adminUsername", "root", "unrelated", "x"));

        assertThat(settings.busyAbove()).isEqualTo(50);
        assertThat(settings.taskRetention()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.ioThreads()).isEqualTo(1);
        assertThat(settings.faults()).containsExactlyInAnyOrder(Fault.DOUBLE_ASSIGN, Fault.MIXED_STATUS);
        assertThat(settings.has(Fault.MIXED_STATUS)).isTrue();
        assertThat(settings.has(Fault.LOCK_TIMEOUT)).isFalse();
        assertThat(settings.assignRateLimit()).isEqualTo(10);
        assertThat(settings.maintenance()).isTrue();
        assertThat(settings.adminUsername()).contains("root");
    }

    @Test
    void readsTheSessionSettings() {
        LocalServerSettings settings = LocalServerSettings.fromProperties(Map.of("local.prebootNumber", "0.5",
                "local.reapAfter", "2s", "local.logsDelay", "0s", "local.faults", "ping-lock-timeout"));

        assertThat(settings.prebootNumber()).isEqualTo(0.5);
        assertThat(settings.reapAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.logsDelay()).isZero();
        assertThat(settings.faults()).containsExactly(Fault.PING_LOCK_TIMEOUT);
    }

    @Test
    void everyBadValueIsReportedWithItsPropertyAndTheAcceptedForm() {
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> LocalServerSettings.fromProperties(Map.of(
                "local.busyAbove", "-1", "local.taskRetention", "forever", "local.ioThreads", "0", "local.faults", "chaos",
                "local.prebootNumber", "-1", "local.reapAfter", "0s", "local.logsDelay", "soon")));

        assertThat(error.problems()).hasSize(7);
        assertThat(error.getMessage()).contains("local.busyAbove: '-1'").contains("whole number from 0")
                .contains("local.taskRetention: 'forever'").contains("500ms, 30s")
                .contains("local.ioThreads: '0'")
                .contains("local.faults: 'chaos'").contains("double-assign, lock-timeout, mixed-status, rendezvous-race")
                .contains("ping-lock-timeout")
                .contains("local.prebootNumber: '-1'").contains("number from 0")
                .contains("local.reapAfter: '0s'").contains("local.logsDelay: 'soon'");
    }

    @Test
    void aMistypedLocalSettingOrASettingOfTheLoadRunIsRefusedAndOtherPropertiesAreLeftAlone() {
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> LocalServerSettings.fromProperties(Map.of(
                "local.prewarm", "2", "local.spinupdelay", "1s", "local.tls", "off", "users", "5", "local.ioThreads", "0",
                "java.home", "/opt/java", "maven.home", "/opt/maven", "exec.args", "--descriptor x", "unrelated", "x")));

        assertThat(error.problems()).containsExactly(
                "local.prewarm: unknown setting; did you mean -Dlocal.prewarmed?",
                "local.spinupdelay: unknown setting; did you mean -Dlocal.spinUpDelay? (setting names are case-sensitive)",
                "local.tls: unknown setting; the local.* settings are -Dlocal.port, -Dlocal.hostServicePort, -Dlocal.prewarmed,"
                        + " -Dlocal.capacity, -Dlocal.spinUpDelay, -Dlocal.prewarmDelay, -Dlocal.prebootNumber, -Dlocal.pingDelay,"
                        + " -Dlocal.clientTimeout, -Dlocal.idleTimeout, -Dlocal.reapAfter, -Dlocal.logsDelay, -Dlocal.rateLimit,"
                        + " -Dlocal.busyAbove, -Dlocal.maintenance, -Dlocal.faults,"
                        + " -Dlocal.taskRetention, -Dlocal.ioThreads, -Dlocal.adminUsername",
                "users: not read by the reference webserver on its own, which reads only the local.* settings",
                "local.ioThreads: '0' is not accepted; expected a whole number from 1 to 64 (e.g. -Dlocal.ioThreads=2)");
    }
}
