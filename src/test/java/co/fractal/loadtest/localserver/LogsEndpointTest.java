package co.fractal.loadtest.localserver;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /logs} over HTTP, as a container sends its logs when its session ends: 202 with a task that runs
 * for {@code local.logsDelay} and then reads SUCCESS; a sender or a key the task refuses makes it read
 * FAILURE; a body without its keys is a 400.
 */
@Timeout(60)
class LogsEndpointTest {
    private static ApiClient api;

    @BeforeAll
    static void start() {
        api = ApiClient.start(Map.of("local.logsDelay", "0s"));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String logs(String sender, String identifier, String key) {
        return "{\"sender\":\"" + sender + "\",\"identifier\":" + identifier + ",\"secret_key\":\"" + key
                + "\",\"logs\":\"line 1\\nline 2\\n\"}";
    }

    private static String byId(JsonNode row) {
        return logs("server", "\"" + row.path("container_id").asText() + "\"", row.path("secret_key").asText());
    }

    @Test
    void theUploadTaskRunsForTheLogsDelayThenSucceeds() {
        try (ApiClient slow = ApiClient.start(Map.of("local.logsDelay", "1h"))) {
            JsonNode slowRow = slow.journey(ApiClient.newUsername("logs"), "us-east-1");
            JsonNode quickRow = api.journey(ApiClient.newUsername("logs"), "us-east-1");

            Reply running = slow.post("/logs", byId(slowRow), null);
            Reply done = api.post("/logs", byId(quickRow), null);

            assertThat(running.status()).isEqualTo(202);
            assertThat(slow.status(running.text("ID")).text("state")).isEqualTo("STARTED");
            assertThat(done.status()).isEqualTo(202);
            Reply status = api.status(done.text("ID"));
            assertThat(status.text("state")).isEqualTo("SUCCESS");
            assertThat(status.json().path("output").path("status").asInt()).isEqualTo(200);
        }
    }

    @Test
    void theContainerIsFoundByItsIdOrByItsPortAndTheSendersAddress() {
        JsonNode row = api.journey(ApiClient.newUsername("logs"), "us-east-1");
        String port = String.valueOf(row.path("port_32262").asInt());
        String key = row.path("secret_key").asText();

        Reply byPort = api.postWithHeaders("/logs", logs("SERVER", port, key), "X-Forwarded-For", "127.0.0.1");
        Reply fromElsewhere = api.postWithHeaders("/logs", logs("server", port, key), "X-Forwarded-For", "10.0.0.1");

        assertThat(api.status(byPort.text("ID")).text("state")).isEqualTo("SUCCESS");
        assertThat(fromElsewhere.status()).isEqualTo(202);
        assertThat(api.status(fromElsewhere.text("ID")).text("state")).isEqualTo("FAILURE");
    }

    @Test
    void aKeyOrSenderTheTaskRefusesMakesItFailAndAMissingKeyIs400() {
        JsonNode row = api.journey(ApiClient.newUsername("logs"), "us-east-1");
        String id = "\"" + row.path("container_id").asText() + "\"";

        Reply wrongKey = api.post("/logs", logs("server", id, "0".repeat(32)), null);
        Reply wrongSender = api.post("/logs", logs("browser", id, row.path("secret_key").asText()), null);
        Reply unknown = api.post("/logs", logs("server", "\"arn:aws:ecs:nowhere\"", row.path("secret_key").asText()), null);

        assertThat(wrongKey.status()).isEqualTo(202);
        Reply refused = api.status(wrongKey.text("ID"));
        assertThat(refused.text("state")).isEqualTo("FAILURE");
        assertThat(refused.json().path("output").asText()).contains(row.path("container_id").asText());
        assertThat(api.status(wrongSender.text("ID")).json().path("output").asText()).contains("sender 'browser'");
        assertThat(api.status(unknown.text("ID")).text("state")).isEqualTo("FAILURE");
        assertThat(api.post("/logs", "{\"sender\":\"server\",\"identifier\":" + id + ",\"logs\":\"\"}", null).status())
                .isEqualTo(400);
        assertThat(api.post("/logs", "{\"sender\":\"server\",\"secret_key\":\"ab\",\"logs\":\"\"}", null).status())
                .isEqualTo(400);
    }

    @Test
    void theGracefulEndingLogsThenDeletesAndTheContainerIsGone() {
        JsonNode row = api.journey(ApiClient.newUsername("bye"), "us-east-1");
        assertThat(api.ping(row, true).status()).isEqualTo(200);

        Reply logs = api.post("/logs", byId(row), null);
        assertThat(api.status(logs.text("ID")).text("state")).isEqualTo("SUCCESS");
        Reply deleted = api.post("/mandelbox/delete", ApiClient.release(row.path("container_id").asText(),
                row.path("secret_key").asText()), null);

        assertThat(deleted.status()).isEqualTo(202);
        assertThat(api.ping(row, true).status()).isEqualTo(404);
        assertThat(api.hostInfo(row.path("user_id").asText()).text("user_app_state")).isNull();
    }
}
