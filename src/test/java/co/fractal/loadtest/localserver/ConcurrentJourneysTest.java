package co.fractal.loadtest.localserver;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of journeys at once, driven with asynchronous requests, with faults off: every one succeeds and no
 * container is ever given to two users — also while cancels, releases and user deletions race the assigns.
 */
@Timeout(120)
class ConcurrentJourneysTest {
    private static final Executor POLL_PAUSE = CompletableFuture.delayedExecutor(10, TimeUnit.MILLISECONDS);

    /** One journey's outcome: what /host_service said and the task's final answer. */
    private record Outcome(String user, Reply host, Reply task) {
    }

    @Test
    void threeHundredJourneysAtOnceAllSucceedWithDistinctContainers() {
        try (ApiClient api = ApiClient.start(Map.of("local.prewarmed", "4", "local.spinUpDelay", "20ms",
                "local.prewarmDelay", "5ms", "local.pingDelay", "5ms"))) {
            List<String> users = registerAll(api, "crowd", 300);

            List<Outcome> outcomes = join(users.stream().map(user -> journey(api, user,
                    users.indexOf(user) % 3 == 0 ? "us-east-2" : "us-east-1", task -> { })).toList());

            Set<String> containerIds = new HashSet<>();
            Set<Integer> ports = new HashSet<>();
            for (Outcome outcome : outcomes) {
                assertThat(outcome.task().text("state")).as(outcome.user()).isEqualTo("SUCCESS");
                JsonNode row = outcome.task().json().path("output");
                assertThat(row.path("user_id").asText()).isEqualTo(outcome.user());
                assertThat(row.path("port_32262").asInt()).isEqualTo(outcome.host().json().path("port").asInt());
                assertThat(containerIds.add(row.path("container_id").asText())).as("container given twice: " + row).isTrue();
                assertThat(ports.add(row.path("port_32262").asInt())).as("port given twice: " + row).isTrue();
            }
            Map<String, String> holderOf = new HashMap<>();
            for (JsonNode container : api.containers()) {
                holderOf.put(container.path("container_id").asText(), container.path("user_id").asText(null));
            }
            for (Outcome outcome : outcomes) {
                assertThat(holderOf.get(outcome.task().json().path("output").path("container_id").asText())).isEqualTo(outcome.user());
            }
        }
    }

    @Test
    void cancelsReleasesAndDeletionsRacingTheAssignsNeverShareAContainer() {
        try (ApiClient api = ApiClient.start(Map.of("local.prewarmed", "3", "local.spinUpDelay", "0ms",
                "local.prewarmDelay", "0ms", "local.pingDelay", "0ms", "local.capacity", "300"))) {
            List<String> users = registerAll(api, "race", 400);

            List<CompletableFuture<Outcome>> journeys = new ArrayList<>();
            for (int i = 0; i < users.size(); i++) {
                String user = users.get(i);
                String region = i % 2 == 0 ? "us-west-1" : "us-west-2";
                Consumer<String> cancel = task -> api.postAsync("/container_state/cancel",
                        "{\"username\":\"" + user + "\",\"task\":\"" + task + "\"}", api.admin);
                CompletableFuture<Outcome> journey = journey(api, user, region, i % 4 == 3 ? cancel : task -> { });
                journeys.add(switch (i % 4) {
                    case 1 -> journey.thenCompose(done -> api.postAsync("/container/delete", releaseBody(done), null)
                            .thenApply(released -> done));
                    case 2 -> {
                        api.postAsync("/account/delete", "{\"username\":\"" + user + "\"}", api.admin);
                        yield journey;
                    }
                    default -> journey;
                });
            }
            List<Outcome> outcomes = join(journeys);

            Map<String, String> succeededWith = new HashMap<>();
            for (Outcome outcome : outcomes) {
                if ("SUCCESS".equals(outcome.task().text("state"))) {
                    String containerId = outcome.task().json().path("output").path("container_id").asText();
                    String previous = succeededWith.put(containerId, outcome.user());
                    assertThat(previous).as("container " + containerId + " given to " + previous + " and " + outcome.user())
                            .isNull();
                }
            }
            assertThat(succeededWith).as("journeys that reached SUCCESS").hasSizeGreaterThan(50);
            for (JsonNode container : api.containers()) {
                String holder = container.path("user_id").asText(null);
                if (holder != null) {
                    assertThat(api.hostInfo(holder).text("user_app_state")).as(holder).isIn("READY", "WAITING_FOR_CLIENT_APP");
                }
            }
        }
    }

    private static List<String> registerAll(ApiClient api, String prefix, int count) {
        List<String> users = new ArrayList<>();
        List<CompletableFuture<Reply>> registrations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String user = ApiClient.newUsername(prefix);
            users.add(user);
            registrations.add(api.postAsync("/account/register", ApiClient.registration(user), null));
        }
        assertThat(join(registrations)).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(200));
        return users;
    }

    // assign, poll /host_service, hand over the token, poll /status until final; a journey cut short (its
    // user deleted, or its host never came) ends with what it last read
    private static CompletableFuture<Outcome> journey(ApiClient api, String user, String region, Consumer<String> assigned) {
        long deadline = System.nanoTime() + ApiClient.WAIT.toNanos();
        return api.postAsync("/mandelbox/assign", ApiClient.assignment(user, region), api.admin).thenCompose(reply -> {
            if (reply.status() != 202) {
                return CompletableFuture.completedFuture(new Outcome(user, reply, reply));
            }
            String task = reply.text("ID");
            assigned.accept(task);
            return pollHost(api, user, deadline).thenCompose(host -> {
                if (host.text("ip") == null) {
                    return api.getAsync("/status/" + task, null).thenApply(status -> new Outcome(user, host, status));
                }
                return api.hostServiceAsync("PUT", "/set_config_encryption_token", ApiClient.tokenBody(user, host))
                        .thenCompose(token -> pollTask(api, task, deadline))
                        .thenApply(status -> new Outcome(user, host, status));
            });
        });
    }

    private static CompletableFuture<Reply> pollHost(ApiClient api, String user, long deadline) {
        return api.getAsync("/host_service?username=" + user, api.admin).thenCompose(host -> {
            String state = host.text("user_app_state");
            // no state after a 202: the user was deleted meanwhile
            boolean over = host.status() != 200 || host.text("ip") != null || state == null || "FAILURE".equals(state)
                    || "CANCELLED".equals(state) || System.nanoTime() - deadline > 0;
            return over ? CompletableFuture.completedFuture(host)
                    : CompletableFuture.supplyAsync(() -> null, POLL_PAUSE).thenCompose(x -> pollHost(api, user, deadline));
        });
    }

    private static CompletableFuture<Reply> pollTask(ApiClient api, String task, long deadline) {
        return api.getAsync("/status/" + task, null).thenCompose(status -> {
            String state = status.text("state");
            boolean over = "SUCCESS".equals(state) || "FAILURE".equals(state) || "CANCELLED".equals(state)
                    || System.nanoTime() - deadline > 0;
            return over ? CompletableFuture.completedFuture(status)
                    : CompletableFuture.supplyAsync(() -> null, POLL_PAUSE).thenCompose(x -> pollTask(api, task, deadline));
        });
    }

    private static String releaseBody(Outcome outcome) {
        JsonNode row = outcome.task().json().path("output");
        return ApiClient.release(row.path("container_id").asText(), row.path("secret_key").asText());
    }

    private static <T> List<T> join(List<CompletableFuture<T>> futures) {
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).orTimeout(90, TimeUnit.SECONDS).join();
        return futures.stream().map(CompletableFuture::join).toList();
    }
}
