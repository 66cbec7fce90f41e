package co.fractal.loadtest.localserver;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
            List<String> users = new ArrayList<>();
            List<CompletableFuture<Reply>> assigns = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                users.add(ApiClient.newUsername("lt"));
                api.register(users.get(i));
            }
            for (String user : users) {
                assigns.add(api.postAsync("/mandelbox/assign", ApiClient.assignment(user, "us-east-1"), api.admin));
            }
            Map<String, JsonNode> rows = new LinkedHashMap<>();
            for (int i = 0; i < users.size(); i++) {
                String user = users.get(i);
                assertThat(api.handOver(user, api.awaitHost(user)).status()).isEqualTo(200);
                Reply done = api.awaitFinal(assigns.get(i).join().text("ID"));
                assertThat(done.text("state")).isEqualTo("SUCCESS");
                rows.put(user, done.json().path("output"));
            }
            // the first claim held the pool lock; those that waited for it timed out and spun up instead
            List<String> timedOut = users.stream().filter(u -> "spun_up".equals(api.hostInfo(u).text("container_origin"))).toList();
            assertThat(timedOut).isNotEmpty().hasSizeLessThan(users.size());

            for (String user : users) {
                assertThat(api.releaseContainer(rows.get(user)).status()).isEqualTo(202);
                assertThat(api.post("/account/delete", "{\"username\":\"" + user + "\"}", api.admin).status()).isEqualTo(200);
            }

            for (String user : users) {
                boolean lost = timedOut.contains(user);
                assertThat(api.users(user)).as(user).hasSize(lost ? 1 : 0);
                String held = api.listedContainer(rows.get(user).path("container_id").asText()).path("user_id").asText(null);
                assertThat(held).as(user).isEqualTo(lost ? user : null);
            }
            // deleting them again "succeeds" and is lost again; the name stays taken
            String lostUser = timedOut.get(0);
            assertThat(api.releaseContainer(rows.get(lostUser)).status()).isEqualTo(202);
            assertThat(api.post("/account/delete", "{\"username\":\"" + lostUser + "\"}", api.admin).status()).isEqualTo(200);
            assertThat(api.users(lostUser)).hasSize(1);
            assertThat(api.post("/account/register", ApiClient.registration(lostUser), null).status()).isEqualTo(400);
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
