package co.fractal.loadtest.localserver;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each fault mode does at the server, with its default timings and the server's default delays: the
 * exact effect the load test's checks are meant to see.
 */
@Timeout(60)
class FaultEffectsTest {

    private static ApiClient start(String fault) {
        return ApiClient.start(Map.of("local.faults", fault, "local.prewarmed", "4", "local.spinUpDelay", "200ms",
                "local.prewarmDelay", "100ms", "local.pingDelay", "20ms"));
    }

    /** Two registered users assigning at the same instant; their task ids. */
    private static List<String> assignAtOnce(ApiClient api, String a, String b) {
        api.register(a);
        api.register(b);
        CompletableFuture<Reply> first = api.postAsync("/mandelbox/assign", ApiClient.assignment(a, "us-east-1"), api.admin);
        CompletableFuture<Reply> second = api.postAsync("/mandelbox/assign", ApiClient.assignment(b, "us-east-1"), api.admin);
        return List.of(first.join().text("ID"), second.join().text("ID"));
    }

    @Test
    void doubleAssignGivesTwoUsersAssigningAtOnceTheSameContainer() {
        try (ApiClient api = start("double-assign")) {
            String a = ApiClient.newUsername("da");
            String b = ApiClient.newUsername("da");
            List<String> tasks = assignAtOnce(api, a, b);
            Reply hostA = api.awaitHost(a);
            Reply hostB = api.awaitHost(b);
            assertThat(hostA.json().path("port")).isEqualTo(hostB.json().path("port"));
            assertThat(hostA.text("client_app_auth_secret")).isNotEqualTo(hostB.text("client_app_auth_secret"));

            assertThat(api.handOver(a, hostA).status()).isEqualTo(200);
            assertThat(api.handOver(b, hostB).status()).isEqualTo(200);
            JsonNode rowA = api.awaitFinal(tasks.get(0)).json().path("output");
            JsonNode rowB = api.awaitFinal(tasks.get(1)).json().path("output");

            assertThat(rowA.path("container_id")).isEqualTo(rowB.path("container_id"));
            assertThat(rowA.path("port_32262")).isEqualTo(rowB.path("port_32262"));
            assertThat(rowA.path("user_id").asText()).isEqualTo(a);
            assertThat(rowB.path("user_id").asText()).isEqualTo(b);
            // both holders release it; each answer is a 202, the second one frees the container
            CompletableFuture<Reply> releaseA = api.postAsync("/container/delete", releaseOf(rowA), null);
            assertThat(api.releaseContainer(rowB).status()).isEqualTo(202);
            assertThat(releaseA.join().status()).isEqualTo(202);
            assertThat(api.listedContainer(rowA.path("container_id").asText()).isMissingNode()).isTrue();
            assertThat(api.releaseContainer(rowA).status()).isEqualTo(404);
        }
    }

    @Test
    void lockTimeoutLosesTheTimedOutUsersDeletionsWhileItsJourneySucceeds() {
        try (ApiClient api = start("lock-timeout")) {
            String a = ApiClient.newUsername("lt");
            String b = ApiClient.newUsername("lt");
            List<String> tasks = assignAtOnce(api, a, b);
            JsonNode[] rows = new JsonNode[2];
            String[] users = {a, b};
            for (int i = 0; i < 2; i++) {
                Reply host = api.awaitHost(users[i]);
                assertThat(api.handOver(users[i], host).status()).isEqualTo(200);
                Reply done = api.awaitFinal(tasks.get(i));
                assertThat(done.text("state")).isEqualTo("SUCCESS");
                rows[i] = done.json().path("output");
            }
            // the one that waited for the pool lock timed out and spun up a container instead
            assertThat(List.of(api.hostInfo(a).text("container_origin"), api.hostInfo(b).text("container_origin")))
                    .containsExactlyInAnyOrder("prewarmed", "spun_up");
            String timedOut = "spun_up".equals(api.hostInfo(a).text("container_origin")) ? a : b;
            JsonNode lostRow = rows[timedOut.equals(a) ? 0 : 1];

            for (int i = 0; i < 2; i++) {
                assertThat(api.releaseContainer(rows[i]).status()).isEqualTo(202);
                assertThat(api.post("/account/delete", "{\"username\":\"" + users[i] + "\"}", api.admin).status()).isEqualTo(200);
            }

            assertThat(api.users(timedOut)).extracting(u -> u.path("username").asText()).containsExactly(timedOut);
            assertThat(api.listedContainer(lostRow.path("container_id").asText()).path("user_id").asText()).isEqualTo(timedOut);
            String other = timedOut.equals(a) ? b : a;
            assertThat(api.users(other)).isEmpty();
            assertThat(api.containers()).noneSatisfy(c -> assertThat(c.path("user_id").asText()).isEqualTo(other));
            // deleting them again "succeeds" and is lost again; the name stays taken
            assertThat(api.releaseContainer(lostRow).status()).isEqualTo(202);
            assertThat(api.post("/account/delete", "{\"username\":\"" + timedOut + "\"}", api.admin).status()).isEqualTo(200);
            assertThat(api.users(timedOut)).hasSize(1);
            assertThat(api.post("/account/register", ApiClient.registration(timedOut), null).status()).isEqualTo(400);
        }
    }

    @Test
    void mixedStatusAlternatesCorrectAndPendingReadsOfAFinishedTaskStartingCorrect() {
        try (ApiClient api = start("mixed-status")) {
            String user = ApiClient.newUsername("ms");
            api.register(user);
            String task = api.assign(user, "us-east-1");
            api.handOver(user, api.awaitHost(user));
            Await.until("task finished", ApiClient.WAIT, () -> api.listedContainer(heldContainer(api, user)),
                    c -> "RUNNING_AVAILABLE".equals(c.path("state").asText()));

            Reply first = api.status(task);
            Reply second = api.status(task);
            Reply third = api.status(task);

            assertThat(first.text("state")).isEqualTo("SUCCESS");
            assertThat(second.text("state")).isEqualTo("PENDING");
            assertThat(second.json().path("output")).isEqualTo(first.json().path("output"));
            assertThat(second.json().path("output").path("container_id").asText()).startsWith("arn:aws:ecs:");
            assertThat(third.text("state")).isEqualTo("SUCCESS");
        }
    }

    @Test
    void rendezvousRaceHandsTheContainerThatStartsToBothTasks() {
        try (ApiClient api = start("rendezvous-race")) {
            String a = ApiClient.newUsername("rr");
            String b = ApiClient.newUsername("rr");
            List<String> tasks = assignAtOnce(api, a, b);
            Reply hostA = api.awaitHost(a);
            Reply hostB = api.awaitHost(b);
            assertThat(hostA.json().path("port")).isNotEqualTo(hostB.json().path("port"));

            CompletableFuture<Reply> tokenA = api.hostServiceAsync("PUT", "/set_config_encryption_token", ApiClient.tokenBody(a, hostA));
            CompletableFuture<Reply> tokenB = api.hostServiceAsync("PUT", "/set_config_encryption_token", ApiClient.tokenBody(b, hostB));
            assertThat(tokenA.join().status()).isEqualTo(200);
            assertThat(tokenB.join().status()).isEqualTo(200);
            JsonNode rowA = api.awaitFinal(tasks.get(0)).json().path("output");
            JsonNode rowB = api.awaitFinal(tasks.get(1)).json().path("output");

            assertThat(rowA.path("container_id")).isEqualTo(rowB.path("container_id"));
            int started = rowA.path("port_32262").asInt();
            assertThat(List.of(hostA.json().path("port").asInt(), hostB.json().path("port").asInt())).contains(started)
                    .filteredOn(port -> port != started).hasSize(1);
        }
    }

    private static String releaseOf(JsonNode row) {
        return ApiClient.release(row.path("container_id").asText(), row.path("secret_key").asText());
    }

    private static String heldContainer(ApiClient api, String user) {
        for (JsonNode container : api.containers()) {
            if (container.path("user_id").asText().equals(user)) {
                return container.path("container_id").asText();
            }
        }
        return "";
    }
}
