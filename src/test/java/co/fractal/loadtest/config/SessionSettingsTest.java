package co.fractal.loadtest.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SessionSettingsTest {

    private static RunConfig parse(String... properties) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < properties.length; i += 2) {
            map.put(properties[i], properties[i + 1]);
        }
        return RunConfig.parse(map, Map.of(), Clock.systemUTC());
    }

    @Test
    void sessionsAreNotHeldByDefaultAndTheSessionsProfileHoldsThem() {
        RunConfig weekly = parse();
        assertThat(weekly.sessions().held()).isFalse();
        assertThat(weekly.sessions().length()).hasToString("0");
        assertThat(weekly.hosts().count()).isZero();

        RunConfig sessions = parse("profile", "sessions");
        assertThat(sessions.sessions().held()).isTrue();
        assertThat(sessions.sessions().length()).hasToString("lognormal:median=20s,p90=1m");
        assertThat(sessions.hosts().count()).isEqualTo(2);
        assertThat(sessions.hosts().heartbeat()).isEqualTo(new DurationRange(Duration.ofSeconds(55), Duration.ofSeconds(65)));
        assertThat(sessions.describe()).contains("sessions: lognormal:median=20s,p90=1m", "containers held at once",
                "hosts: 2, heartbeats every 55s..1m5s");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "0|0|0", "12s|12s|12000", "PT2M|2m|120000",
            "uniform:min=10s,max=30s|uniform:min=10s,max=30s|20000",
            "exponential:mean=5m|exponential:mean=5m|300000"})
    void lengthsAreADurationOrADistribution(String value, String described, long meanMillis) {
        SessionLength length = parse("session.length", value).sessions().length();

        assertThat(length).hasToString(described);
        assertThat(length.mean().toMillis()).isEqualTo(meanMillis);
    }

    @Test
    void aLogNormalLengthHasTheGivenMedianAndNinetiethPercentile() {
        SessionLength length = parse("session.length", "lognormal:median=20m,p90=90m").sessions().length();
        Random random = new Random(42);
        long[] drawn = new long[20_000];
        for (int i = 0; i < drawn.length; i++) {
            drawn[i] = length.draw(random).toMillis();
        }
        java.util.Arrays.sort(drawn);

        assertThat(drawn[drawn.length / 2] / 60_000.0).isCloseTo(20.0, within(1.0));
        assertThat(drawn[drawn.length * 9 / 10] / 60_000.0).isCloseTo(90.0, within(5.0));
        assertThat(length.mean().toMinutes()).isBetween(35L, 40L);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "session.length|20 minutes|expected 0 (release at once), a duration (20m), lognormal:median",
            "session.length|lognormal:median=20m|expected 0 (release at once)",
            "session.length|lognormal:median=20m,p90=10m|expected 0 (release at once)",
            "session.length|gaussian:mean=1m|expected 0 (release at once)",
            "session.endings|graceful=70,crash=5|expected weights such as graceful=70,abandon=10,blip=10,silent=5,relaunch=5",
            "session.endings|graceful=0|expected weights such as",
            "session.endings|graceful=-1,silent=2|expected weights such as",
            "session.blip|60s..10s|expected <min>..<max> such as 10s..60s",
            "session.pingInterval|0s|expected a duration from 10ms to 10m",
            "hosts.count|-1|expected a whole number from 0 to 10000",
            "hosts.heartbeat|soon|expected <min>..<max>"})
    void badValuesAreRefusedNamingTheSettingTheValueAndTheAcceptedForm(String setting, String value, String accepted) {
        assertThatThrownBy(() -> parse(setting, value)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(setting + ": '" + value + "' is not accepted; " + accepted);
    }

    @Test
    void everyCycleOfSessionsHasEachEndingExactlyItsWeightSpreadEvenly() {
        SessionSettings settings = parse("session.endings", "graceful=3,silent=1").sessions();
        java.util.List<SessionEnding> first = new java.util.ArrayList<>();
        for (int n = 0; n < 4; n++) {
            first.add(settings.ending(n));
        }
        assertThat(first).containsExactlyInAnyOrder(SessionEnding.GRACEFUL, SessionEnding.GRACEFUL, SessionEnding.GRACEFUL,
                SessionEnding.SILENT);
        assertThat(settings.ending(4)).isEqualTo(settings.ending(0));
        assertThat(settings.describeEndings()).isEqualTo("graceful=3,silent=1");

        SessionSettings defaults = parse().sessions();
        Map<SessionEnding, Integer> counted = new EnumMap<>(SessionEnding.class);
        for (int n = 0; n < 100; n++) {
            counted.merge(defaults.ending(n), 1, Integer::sum);
        }
        assertThat(counted).containsExactlyInAnyOrderEntriesOf(Map.of(SessionEnding.GRACEFUL, 70, SessionEnding.ABANDON, 10,
                SessionEnding.BLIP, 10, SessionEnding.SILENT, 5, SessionEnding.RELAUNCH, 5));
        Map<SessionEnding, Integer> firstTwenty = new EnumMap<>(SessionEnding.class);
        for (int n = 0; n < 20; n++) {
            firstTwenty.merge(defaults.ending(n), 1, Integer::sum);
        }
        assertThat(firstTwenty).as("spread evenly: a fifth of the cycle has a fifth of each")
                .containsExactlyInAnyOrderEntriesOf(Map.of(SessionEnding.GRACEFUL, 14, SessionEnding.ABANDON, 2,
                        SessionEnding.BLIP, 2, SessionEnding.SILENT, 1, SessionEnding.RELAUNCH, 1));
    }

    @Test
    void aRangeDrawsWithinItsBounds() {
        DurationRange blip = parse("session.blip", "2s..3s").sessions().blip();
        Random random = new Random(1);
        for (int i = 0; i < 1000; i++) {
            assertThat(blip.draw(random)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(3));
        }
        assertThat(parse("session.blip", "5s").sessions().blip().draw(random)).isEqualTo(Duration.ofSeconds(5));
    }
}
