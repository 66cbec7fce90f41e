package co.fractal.loadtest.localserver;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /mandelbox/ping} (and {@code /container/ping}) over HTTP, as a held container sends it: the row
 * found by the sender's address and port, the key checked, {@code last_pinged} and the state set; the
 * {@code /mandelbox/delete} alias, after which the container's pings are refused; and a pinging container that
 * no idle timeout ends.
 */
@Timeout(60)
class ContainerPingTest {
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

    private static JsonNode heldContainer(String prefix) {
        return api.journey(ApiClient.newUsername(prefix), "us-east-1");
    }

    private static String pingBody(JsonNode row, boolean available) {
        return ApiClient.ping(available, row.path("port_32262").asInt(), row.path("secret_key").asText());
    }

    @Test
    void aPingFoundByXForwardedForSetsLastPingedAndTheStateByAvailability() {
        JsonNode row = heldContainer("ping");
        String id = row.path("container_id").asText();
        long firstPing = row.path("last_pinged").asLong();
        assertThat(api.listedContainer(id).path("last_pinged").asLong()).isEqualTo(firstPing);
        CLOCK.advance(Duration.ofSeconds(5));

        Reply busy = api.ping(row, false);

        assertThat(busy.status()).isEqualTo(200);
        assertThat(busy.json().path("status").asText()).isEqualTo("OK");
        JsonNode listed = api.listedContainer(id);
        assertThat(listed.path("state").asText()).isEqualTo("RUNNING_UNAVAILABLE");
        assertThat(listed.path("last_pinged").asLong()).isEqualTo(firstPing + 5);
        assertThat(listed.path("app").asText()).isEqualTo("Google Chrome");
        assertThat(listed.path("cluster").asText()).isEqualTo("fractal-local-us-east-1");

        assertThat(api.postWithHeaders("/container/ping", pingBody(row, true), "X-Forwarded-For", "127.0.0.1, 10.0.0.9")
                .status()).isEqualTo(200);
        assertThat(api.listedContainer(id).path("state").asText()).isEqualTo("RUNNING_AVAILABLE");
    }

    @Test
    void withoutXForwardedForThePeerAddressFindsTheRow() {
        JsonNode row = heldContainer("peer");

        assertThat(api.postWithHeaders("/mandelbox/ping", pingBody(row, false)).status()).isEqualTo(200);

        assertThat(api.listedContainer(row.path("container_id").asText()).path("state").asText())
                .isEqualTo("RUNNING_UNAVAILABLE");
    }

    @Test
    void anotherAddressPortOrKeyIs404AndChangesNothing() {
        JsonNode row = heldContainer("miss");
        String id = row.path("container_id").asText();
        int port = row.path("port_32262").asInt();
        String key = row.path("secret_key").asText();

        Reply otherAddress = api.postWithHeaders("/mandelbox/ping", ApiClient.ping(false, port, key), "X-Forwarded-For", "10.1.2.3");
        Reply otherPort = api.postWithHeaders("/mandelbox/ping", ApiClient.ping(false, port + 1, key));
        Reply otherKey = api.postWithHeaders("/mandelbox/ping", ApiClient.ping(false, port, "0".repeat(32)));

        assertThat(otherAddress.status()).isEqualTo(404);
        assertThat(otherAddress.text("error")).isEqualTo("No container with IP 10.1.2.3 and ports [" + port + "]");
        assertThat(otherPort.status()).isEqualTo(404);
        assertThat(otherKey.status()).isEqualTo(404);
        assertThat(api.listedContainer(id).path("state").asText()).isEqualTo("RUNNING_AVAILABLE");
        assertThat(api.postWithHeaders("/mandelbox/ping", ApiClient.ping(false, port, key.toUpperCase(Locale.ROOT)))
                .status()).as("the key in capitals, as 2021 lowered it").isEqualTo(200);
    }

    @Test
    void aBodyWithoutItsKeysIs400() {
        assertThat(api.postWithHeaders("/mandelbox/ping", "{\"identifier\":40000,\"private_key\":\"ab\"}").status()).isEqualTo(400);
        assertThat(api.postWithHeaders("/mandelbox/ping", "{\"available\":true,\"private_key\":\"ab\"}").status()).isEqualTo(400);
        assertThat(api.postWithHeaders("/mandelbox/ping", "{\"available\":true,\"identifier\":40000}").status()).isEqualTo(400);
        assertThat(api.postWithHeaders("/container/ping", "{\"available\":\"yes\",\"identifier\":40000,\"private_key\":\"ab\"}")
                .status()).isEqualTo(400);
    }

    @Test
    void afterMandelboxDeleteThePingsOfTheContainerAre404() {
        JsonNode row = heldContainer("gone");

        Reply deleted = api.post("/mandelbox/delete", ApiClient.release(row.path("container_id").asText(),
                row.path("secret_key").asText()), null);

        assertThat(deleted.status()).isEqualTo(202);
        assertThat(api.status(deleted.text("ID")).text("state")).isEqualTo("SUCCESS");
        assertThat(api.listedContainer(row.path("container_id").asText()).isMissingNode()).isTrue();
        assertThat(api.ping(row, true).status()).isEqualTo(404);
        assertThat(api.post("/mandelbox/delete", ApiClient.release(row.path("container_id").asText(),
                row.path("secret_key").asText()), null).status()).isEqualTo(404);
    }

    @Test
    void afterContainerDeleteThePingsOfTheContainerAre404() {
        JsonNode row = heldContainer("legacy");

        assertThat(api.releaseContainer(row).status()).isEqualTo(202);

        assertThat(api.ping(row, true).status()).isEqualTo(404);
    }

    @Test
    void protocolInfoReadsTheRowWithoutMovingLastPinged() {
        JsonNode row = heldContainer("info");
        String id = row.path("container_id").asText();
        CLOCK.advance(Duration.ofSeconds(5));

        Reply info = api.protocolInfo(row);
        Reply legacy = api.postWithHeaders("/container/protocol_info", "{\"identifier\":" + row.path("port_32262").asInt()
                + ",\"private_key\":\"" + row.path("secret_key").asText() + "\",\"ip\":\"127.0.0.1\"}",
                "X-Forwarded-For", "10.0.0.1");

        assertThat(info.status()).isEqualTo(200);
        assertThat(info.text("container_id")).isEqualTo(id);
        assertThat(info.text("user_id")).isEqualTo(row.path("user_id").asText());
        assertThat(info.text("secret_key")).isEqualTo(row.path("secret_key").asText());
        assertThat(info.text("state")).isEqualTo("RUNNING_AVAILABLE");
        assertThat(info.json().path("dpi").asInt()).isEqualTo(96);
        assertThat(legacy.status()).as("the body's ip before the sender's").isEqualTo(200);
        assertThat(api.listedContainer(id).path("last_pinged").asLong()).isEqualTo(row.path("last_pinged").asLong());
        assertThat(api.postWithHeaders("/mandelbox/protocol_info", "{\"identifier\":" + row.path("port_32262").asInt()
                + ",\"private_key\":\"" + "0".repeat(32) + "\"}").status()).isEqualTo(401);
        assertThat(api.postWithHeaders("/mandelbox/protocol_info", "{\"identifier\":" + row.path("port_32262").asInt() + "}")
                .status()).isEqualTo(400);

        api.releaseContainer(row);
        assertThat(api.protocolInfo(row).status()).isEqualTo(404);
    }

    @Test
    void aContainerThatPingsOutlivesTheIdleTimeoutThatEndsOneThatDoesNot() {
        try (ApiClient idle = ApiClient.start(Map.of("local.idleTimeout", "3s"))) {
            JsonNode pinging = idle.journey(ApiClient.newUsername("alive"), "us-east-1");
            assertThat(idle.ping(pinging, false).status()).isEqualTo(200);
            JsonNode quiet = idle.journey(ApiClient.newUsername("quiet"), "us-east-1");

            Await.until("the quiet container idled out", ApiClient.WAIT,
                    () -> idle.listedContainer(quiet.path("container_id").asText()), JsonNode::isMissingNode);

            assertThat(idle.listedContainer(pinging.path("container_id").asText()).path("user_id").asText())
                    .isEqualTo(pinging.path("user_id").asText());
            assertThat(idle.ping(pinging, false).status()).isEqualTo(200);
        }
    }
}
