package co.fractal.loadtest.localserver;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /status/<uuid>} and {@code GET /host_service}: their answers before, during and without an assignment. */
@Timeout(60)
class StatusAndHostInfoTest {
    private static ApiClient api;

    @BeforeAll
    static void start() {
        api = ApiClient.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "1-1-1-1-1", "00000000-0000-0000-0000-00000000000g", "00000000000000000000000000000000000",
            "00000000-0000-0000-0000-0000000000001"})
    void anIdThatIsNotAUuidIs400(String id) {
        Reply reply = api.status(id);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error")).isEqualTo("Invalid task ID");
    }

    @Test
    void anUnknownTaskReadsPending() {
        Reply reply = api.status("0f0e0d0c-0b0a-4908-8706-050403020100");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("state")).isEqualTo("PENDING");
        assertThat(reply.json().path("output").path("msg").asText()).isNotBlank();
    }

    @Test
    void aRunningTaskReadsStartedWithAMessage() {
        String user = ApiClient.newUsername("started");
        api.register(user);
        String task = api.assign(user, "us-east-1");

        Reply reply = api.status(task.toUpperCase(java.util.Locale.ROOT));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("state")).isEqualTo("STARTED");
        assertThat(reply.json().path("output").path("msg").asText()).contains("client");
    }

    @Test
    void hostServiceIsAllNullForAUserWithoutAssignmentOrUnknown() {
        String user = ApiClient.newUsername("idle");
        api.register(user);

        for (Reply reply : new Reply[] {api.hostInfo(user), api.hostInfo("nobody_" + user)}) {
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().has("ip")).isTrue();
            assertThat(reply.json().path("ip").isNull()).isTrue();
            assertThat(reply.json().path("port").isNull()).isTrue();
            assertThat(reply.json().path("client_app_auth_secret").isNull()).isTrue();
            assertThat(reply.json().path("user_app_state").isNull()).isTrue();
        }
    }

    @Test
    void hostServiceGivesIpPortAndSecretOnceTheContainerWaitsForTheClient() {
        String user = ApiClient.newUsername("waiting");
        api.register(user);
        api.assign(user, "us-east-1");

        Reply reply = api.hostInfo(user);

        assertThat(reply.text("user_app_state")).isEqualTo("WAITING_FOR_CLIENT_APP");
        assertThat(reply.text("ip")).isEqualTo("127.0.0.1");
        assertThat(reply.json().path("port").asInt()).isBetween(1024, 65535);
        assertThat(reply.text("client_app_auth_secret")).matches("[0-9a-f]{32}");
        assertThat(reply.text("container_origin")).isEqualTo("prewarmed");
    }

    @Test
    void hostServiceNeedsTheUsernameAndATokenForThatUser() {
        String user = ApiClient.newUsername("hs");
        String token = api.register(user);

        assertThat(api.get("/host_service", api.admin).status()).isEqualTo(400);
        assertThat(api.get("/host_service?username=" + user, null).status()).isEqualTo(401);
        assertThat(api.get("/host_service?username=" + user, token).status()).isEqualTo(200);
        assertThat(api.get("/host_service?username=someone_else", token).status()).isEqualTo(401);
    }

    @Test
    void usernamesAreDecodedFromTheQuery() {
        String user = ApiClient.newUsername("load test+user@example.com");
        api.register(user);
        api.assign(user, "us-east-1");

        assertThat(api.hostInfo(user).text("user_app_state")).isEqualTo("WAITING_FOR_CLIENT_APP");
    }
}
