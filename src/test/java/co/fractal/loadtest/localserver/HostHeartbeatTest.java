package co.fractal.loadtest.localserver;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Container hosts over HTTP, as the 2021 host service spoke to the webserver: {@code /host_service/auth} once,
 * {@code /host_service/heartbeat} at start, every minute and a dying one at shutdown; {@code /admin/hosts}
 * shows what arrived.
 */
@Timeout(60)
class HostHeartbeatTest {
    private static final ManualClock CLOCK = new ManualClock();
    private static ApiClient api;

    @BeforeAll
    static void start() {
        api = ApiClient.start(Map.of(), CLOCK);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String auth(String instanceId) {
        return "{\"InstanceID\":\"" + instanceId + "\",\"InstanceType\":\"g3.4xlarge\",\"Region\":\"us-east-1\","
                + "\"AWSAmiID\":\"ami-0123456789abcdef0\"}";
    }

    /** A heartbeat as the Go host service wrote it: RAM sizes and time as strings. */
    private static String heartbeat(String token, String instanceId, long number, boolean dying) {
        return "{\"AuthToken\":\"" + token + "\",\"Timestamp\":\"2021-05-29 02:48:11.123 -0400 EDT\",\"HeartbeatNumber\":"
                + number + ",\"InstanceID\":\"" + instanceId + "\",\"TotalRAMinKB\":\"64000000\",\"FreeRAMinKB\":\"32000000\","
                + "\"AvailRAMinKB\":\"48000000\",\"IsDyingHeartbeat\":" + dying + "}";
    }

    private static String authenticate(String instanceId) {
        Reply reply = api.postWithHeaders("/host_service/auth", auth(instanceId), "X-Forwarded-For", "10.0.3.7");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.text("AuthToken");
    }

    private static JsonNode listed(String instanceId) {
        JsonNode hosts = api.get("/admin/hosts?prefix=" + instanceId, api.admin).json().path("hosts");
        assertThat(hosts).hasSize(1);
        return hosts.get(0);
    }

    @Test
    void aHostAuthenticatesOnceAndItsHeartbeatsAreListed() {
        String instance = "i-beats-" + ApiClient.newUsername("h");
        String token = authenticate(instance);
        assertThat(token).matches("[0-9a-f]{32}");
        JsonNode fresh = listed(instance);
        assertThat(fresh.path("heartbeats").asInt()).isZero();
        assertThat(fresh.path("last_heartbeat_number").isNull()).isTrue();
        assertThat(fresh.path("ip").asText()).isEqualTo("10.0.3.7");
        assertThat(fresh.path("instance_type").asText()).isEqualTo("g3.4xlarge");

        Reply first = api.postWithHeaders("/host_service/heartbeat", heartbeat(token, instance, 0, false));
        CLOCK.advance(Duration.ofSeconds(60));
        Reply second = api.postWithHeaders("/host_service/heartbeat", heartbeat(token.toUpperCase(java.util.Locale.ROOT),
                instance, 1, false));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("status").asInt()).isEqualTo(200);
        assertThat(second.status()).as("the token in any case, as 2021").isEqualTo(200);
        JsonNode host = listed(instance);
        assertThat(host.path("heartbeats").asInt()).isEqualTo(2);
        assertThat(host.path("last_heartbeat_number").asInt()).isEqualTo(1);
        assertThat(host.path("last_heartbeat_at").asLong()).isEqualTo(fresh.path("authenticated_at").asLong() + 60);
        assertThat(host.path("free_ram_kb").asLong()).isEqualTo(32_000_000L);
        assertThat(host.path("dying").asBoolean()).isFalse();
        assertThat(api.postWithHeaders("/host_service/auth", auth(instance)).status()).as("known instance").isEqualTo(400);
    }

    @Test
    void aDyingHeartbeatEndsTheHostItsTokenAndFreesItsInstanceId() {
        String instance = "i-dying-" + ApiClient.newUsername("h");
        String token = authenticate(instance);
        api.postWithHeaders("/host_service/heartbeat", heartbeat(token, instance, 0, false));

        Reply dying = api.postWithHeaders("/host_service/heartbeat", heartbeat(token, instance, 1, true));

        assertThat(dying.status()).isEqualTo(200);
        JsonNode host = listed(instance);
        assertThat(host.path("dying").asBoolean()).isTrue();
        assertThat(host.path("last_heartbeat_number").asInt()).isEqualTo(1);
        assertThat(api.postWithHeaders("/host_service/heartbeat", heartbeat(token, instance, 2, false)).status()).isEqualTo(404);
        String again = authenticate(instance);
        assertThat(again).isNotEqualTo(token);
        assertThat(listed(instance).path("dying").asBoolean()).isFalse();
    }

    @Test
    void anUnknownInstanceOrAnotherHostsTokenIs404AsIn2021() {
        String instance = "i-known-" + ApiClient.newUsername("h");
        String other = "i-other-" + ApiClient.newUsername("h");
        authenticate(instance);
        String otherToken = authenticate(other);

        assertThat(api.postWithHeaders("/host_service/heartbeat", heartbeat(otherToken, instance, 0, false)).status())
                .isEqualTo(404);
        assertThat(api.postWithHeaders("/host_service/heartbeat", heartbeat(otherToken, "i-nobody", 0, false)).status())
                .isEqualTo(404);
        assertThat(listed(instance).path("heartbeats").asInt()).isZero();
    }

    @Test
    void aMissingOrMistypedKeyIs400() {
        String instance = "i-bad-" + ApiClient.newUsername("h");
        assertThat(api.postWithHeaders("/host_service/auth", "{\"InstanceID\":\"" + instance + "\",\"InstanceType\":\"t3\","
                + "\"Region\":\"us-east-1\"}").status()).isEqualTo(400);
        String token = authenticate(instance);

        assertThat(api.postWithHeaders("/host_service/heartbeat", heartbeat(token, instance, 0, false)
                .replace(",\"Timestamp\":\"2021-05-29 02:48:11.123 -0400 EDT\"", "")).status()).isEqualTo(400);
        assertThat(api.postWithHeaders("/host_service/heartbeat", heartbeat(token, instance, 0, false)
                .replace("\"FreeRAMinKB\":\"32000000\"", "\"FreeRAMinKB\":\"lots\"")).status()).isEqualTo(400);
        assertThat(api.postWithHeaders("/host_service/heartbeat", heartbeat(token, instance, -1, false)).status()).isEqualTo(400);
        assertThat(listed(instance).path("heartbeats").asInt()).isZero();
    }

    @Test
    void theHostListingIsAdminOnly() {
        String user = ApiClient.newUsername("hosts");
        assertThat(api.get("/admin/hosts", api.register(user)).status()).isEqualTo(401);
        assertThat(api.get("/admin/hosts", null).status()).isEqualTo(401);
    }
}
