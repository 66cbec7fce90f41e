package co.fractal.loadtest.localserver;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reaper over HTTP: after each hand-off, the containers of its cluster silent for longer than
 * {@code local.reapAfter} are deleted, holder or not; a container that pings is never reaped. The server's
 * clock stands still unless a test moves it, so silence is a matter of state.
 */
@Timeout(60)
class ReaperTest {
    private static final Duration REAP_AFTER = Duration.ofSeconds(90);

    private static ApiClient start(ManualClock clock) {
        return ApiClient.start(Map.of("local.prewarmed", "4"), clock);
    }

    private static boolean listed(ApiClient api, JsonNode row) {
        return !api.listedContainer(row.path("container_id").asText()).isMissingNode();
    }

    @Test
    void aSilentContainerIsReapedAtTheNextHandOffInItsClusterAndAPingingOneIsNot() {
        ManualClock clock = new ManualClock();
        try (ApiClient api = start(clock)) {
            JsonNode silent = api.journey(ApiClient.newUsername("silent"), "us-east-1");
            JsonNode pinging = api.journey(ApiClient.newUsername("pinging"), "us-east-1");
            JsonNode elsewhere = api.journey(ApiClient.newUsername("elsewhere"), "eu-west-1");
            clock.advance(REAP_AFTER);
            assertThat(api.ping(pinging, false).status()).isEqualTo(200);
            clock.advance(Duration.ofSeconds(1));
            api.handOff("ap-south-1");
            assertThat(listed(api, silent)).as("silent 91 s, but no hand-off in its cluster yet").isTrue();

            api.handOff("us-east-1");

            assertThat(listed(api, silent)).as("silent for 91 s: reaped").isFalse();
            assertThat(api.ping(silent, true).status()).isEqualTo(404);
            assertThat(api.hostInfo(silent.path("user_id").asText()).text("user_app_state")).isNull();
            assertThat(api.releaseContainer(silent).status()).isEqualTo(404);
            assertThat(listed(api, pinging)).as("pinged 1 s ago").isTrue();
            assertThat(api.ping(pinging, false).status()).isEqualTo(200);
            assertThat(listed(api, elsewhere)).as("silent, in another cluster").isTrue();
        }
    }

    @Test
    void protocolInfoTellsWhetherASilentContainerIsGoneWithoutKeepingItAliveAsAPingWould() {
        ManualClock clock = new ManualClock();
        try (ApiClient api = start(clock)) {
            JsonNode probedByInfo = api.journey(ApiClient.newUsername("info"), "us-east-1");
            JsonNode probedByPing = api.journey(ApiClient.newUsername("ping"), "us-east-1");
            clock.advance(REAP_AFTER.plusSeconds(1));

            assertThat(api.protocolInfo(probedByInfo).status()).isEqualTo(200);
            assertThat(api.ping(probedByPing, true).status()).as("a ping is a ping, whoever sends it").isEqualTo(200);
            api.handOff("us-east-1");

            assertThat(api.protocolInfo(probedByInfo).status()).isEqualTo(404);
            assertThat(api.protocolInfo(probedByPing).status()).isEqualTo(200);
        }
    }

    @Test
    void aContainerSilentForExactlyReapAfterSurvivesAndOneSilentLongerDoesNot() {
        ManualClock clock = new ManualClock();
        try (ApiClient api = start(clock)) {
            JsonNode row = api.journey(ApiClient.newUsername("edge"), "us-west-1");
            clock.advance(REAP_AFTER);

            api.handOff("us-west-1");
            assertThat(listed(api, row)).isTrue();

            clock.advance(Duration.ofMillis(1));
            api.handOff("us-west-1");
            assertThat(listed(api, row)).isFalse();
        }
    }

    @Test
    void prewarmedContainersWaitingInThePoolAreNeverReaped() {
        ManualClock clock = new ManualClock();
        try (ApiClient api = start(clock)) {
            List<String> waiting = freeIn(api, "ca-central-1");
            assertThat(waiting).hasSize(4);
            clock.advance(Duration.ofHours(1));

            api.handOff("ca-central-1");

            assertThat(freeIn(api, "ca-central-1")).as("one was handed out, the others wait on")
                    .filteredOn(waiting::contains).hasSize(3);
        }
    }

    @Test
    void theReapAfterSettingSetsTheSilenceAllowed() {
        ManualClock clock = new ManualClock();
        try (ApiClient api = ApiClient.start(Map.of("local.reapAfter", "5s"), clock)) {
            JsonNode row = api.journey(ApiClient.newUsername("short"), "us-east-2");
            clock.advance(Duration.ofSeconds(6));

            api.handOff("us-east-2");

            assertThat(listed(api, row)).isFalse();
        }
    }

    private static List<String> freeIn(ApiClient api, String region) {
        List<String> free = new ArrayList<>();
        for (JsonNode container : api.containers()) {
            if (container.path("location").asText().equals(region) && container.path("user_id").isNull()) {
                free.add(container.path("container_id").asText());
            }
        }
        return free;
    }
}
