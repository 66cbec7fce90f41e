package co.fractal.loadtest.localserver;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assignment state machine end to end over HTTP: prewarmed pool, paired region, spin-up, capacity, client
 * timeout, cancel, idle expiry, release, and what deleting a user does.
 */
@Timeout(90)
class StateMachineTest {
    private static final List<String> ROW_FIELDS = List.of("container_id", "ip", "location", "state", "user_id",
            "task_definition", "task_version", "port_32262", "port_32263", "port_32273", "last_pinged", "cluster",
            "dpi", "secret_key");

    private static ApiClient api;
    /** Pools that are never replenished in a test's time, and slow spin-ups that can be watched. */
    private static ApiClient exhaustible;

    @BeforeAll
    static void start() {
        api = ApiClient.start();
        exhaustible = ApiClient.start(Map.of("local.prewarmDelay", "1h", "local.spinUpDelay", "1s"));
    }

    @AfterAll
    static void stop() {
        api.close();
        exhaustible.close();
    }

    @Test
    void aPrewarmedJourneyEndsInSuccessWithTheFullRowTheHostServiceAnnounced() {
        String user = ApiClient.newUsername("journey");
        api.register(user);
        String task = api.assign(user, "us-east-1");
        Reply host = api.awaitHost(user);
        assertThat(host.text("user_app_state")).isEqualTo("WAITING_FOR_CLIENT_APP");
        assertThat(api.status(task).text("state")).isEqualTo("STARTED");

        assertThat(api.handOver(user, host).status()).isEqualTo(200);
        Reply done = api.awaitFinal(task);

        assertThat(done.text("state")).isEqualTo("SUCCESS");
        JsonNode row = done.json().path("output");
        assertThat(ROW_FIELDS).allSatisfy(field -> assertThat(row.has(field)).as(field).isTrue());
        assertThat(row.path("ip").asText()).isEqualTo(host.text("ip"));
        assertThat(row.path("port_32262").asInt()).isEqualTo(host.json().path("port").asInt());
        assertThat(row.path("state").asText()).isEqualTo("RUNNING_AVAILABLE");
        assertThat(row.path("user_id").asText()).isEqualTo(user);
        assertThat(row.path("location").asText()).isEqualTo("us-east-1");
        assertThat(row.path("task_definition").asText()).isEqualTo("fractal-browsers-chrome");
        assertThat(row.path("dpi").asInt()).isEqualTo(96);
        assertThat(row.path("secret_key").asText()).matches("[0-9a-f]{32}");
        assertThat(row.path("last_pinged").asLong()).isGreaterThan(1_600_000_000L);
        assertThat(List.of(row.path("port_32262").asInt(), row.path("port_32263").asInt(), row.path("port_32273").asInt()))
                .doesNotHaveDuplicates();
        assertThat(api.hostInfo(user).text("user_app_state")).isEqualTo("READY");
        JsonNode listed = api.listedContainer(row.path("container_id").asText());
        assertThat(listed.path("user_id").asText()).isEqualTo(user);
        assertThat(listed.path("task_id").asText()).isEqualTo(task);
        assertThat(listed.path("state").asText()).isEqualTo("RUNNING_AVAILABLE");
    }

    @Test
    void thePoolIsReplenishedAfterAContainerIsHandedOut() {
        assertThat(freeIn(api, "ap-south-1")).isEqualTo(2);
        String user = ApiClient.newUsername("pool");
        api.register(user);
        api.assign(user, "ap-south-1");
        assertThat(api.hostInfo(user).text("container_origin")).isEqualTo("prewarmed");

        Await.until("ap-south-1 pool back to 2", ApiClient.WAIT, () -> freeIn(api, "ap-south-1"), free -> free == 2);
    }

    @Test
    void anEmptyPoolFallsBackToThePairedRegionThenSpinsUp() {
        List<String> locations = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String user = ApiClient.newUsername("pair");
            locations.add(exhaustible.journey(user, "us-west-1").path("location").asText());
            assertThat(exhaustible.hostInfo(user).text("container_origin")).isEqualTo("prewarmed");
        }
        assertThat(locations).containsExactly("us-west-1", "us-west-1", "us-west-2", "us-west-2");

        String user = ApiClient.newUsername("spin");
        exhaustible.register(user);
        String task = exhaustible.assign(user, "us-west-1");
        Reply spinning = exhaustible.hostInfo(user);
        assertThat(spinning.text("user_app_state")).isEqualTo("SPINNING_UP_NEW");
        assertThat(spinning.text("ip")).isNull();
        assertThat(exhaustible.status(task).text("state")).isEqualTo("STARTED");
        assertThat(heldBy(exhaustible, user).path("state").asText()).isEqualTo("CREATING");

        Reply host = exhaustible.awaitHost(user);
        assertThat(host.text("user_app_state")).isEqualTo("WAITING_FOR_CLIENT_APP");
        assertThat(host.text("container_origin")).isEqualTo("spun_up");
        exhaustible.handOver(user, host);
        Reply done = exhaustible.awaitFinal(task);
        assertThat(done.text("state")).isEqualTo("SUCCESS");
        assertThat(done.json().path("output").path("location").asText()).isEqualTo("us-west-1");
    }

    @Test
    void aRegionWithoutPairSpinsUpOnceItsPoolIsEmpty() {
        for (int i = 0; i < 2; i++) {
            String user = ApiClient.newUsername("eu");
            exhaustible.register(user);
            exhaustible.assign(user, "eu-west-1");
            assertThat(exhaustible.hostInfo(user).text("container_origin")).isEqualTo("prewarmed");
        }
        String user = ApiClient.newUsername("eu");
        exhaustible.register(user);
        exhaustible.assign(user, "eu-west-1");

        assertThat(exhaustible.hostInfo(user).text("user_app_state")).isEqualTo("SPINNING_UP_NEW");
    }

    @Test
    void pastTheCapacityTheTaskFailsWithNoCapacity() {
        try (ApiClient tight = ApiClient.start(Map.of("local.prewarmed", "0", "local.capacity", "1"))) {
            String first = ApiClient.newUsername("cap");
            JsonNode row = tight.journey(first, "us-east-1");
            String second = ApiClient.newUsername("cap");
            tight.register(second);

            String task = tight.assign(second, "us-east-1");

            Reply failed = tight.awaitFinal(task);
            assertThat(failed.text("state")).isEqualTo("FAILURE");
            assertThat(failed.json().path("output").asText()).isEqualTo("no capacity");
            assertThat(tight.hostInfo(second).text("user_app_state")).isEqualTo("FAILURE");
            assertThat(tight.releaseContainer(row).status()).isEqualTo(202);
            assertThat(tight.journey(ApiClient.newUsername("cap"), "us-east-1").path("state").asText())
                    .isEqualTo("RUNNING_AVAILABLE");
        }
    }

    @Test
    void withoutTheClientsTokenTheTaskFailsToPingAndTheContainerIsDeleted() {
        try (ApiClient impatient = ApiClient.start(Map.of("local.clientTimeout", "300ms"))) {
            String user = ApiClient.newUsername("noclient");
            impatient.register(user);
            String task = impatient.assign(user, "us-east-1");
            Reply host = impatient.awaitHost(user);
            String containerId = heldBy(impatient, user).path("container_id").asText();

            Reply failed = impatient.awaitFinal(task);

            assertThat(failed.text("state")).isEqualTo("FAILURE");
            assertThat(failed.json().path("output").asText()).isEqualTo("failed to ping");
            assertThat(impatient.hostInfo(user).text("user_app_state")).isEqualTo("FAILURE");
            assertThat(impatient.listedContainer(containerId).isMissingNode()).isTrue();
            assertThat(impatient.handOver(user, host).status()).isEqualTo(406);
        }
    }

    @Test
    void cancelMakesUserAndTaskCancelledAndDeletesThePickedContainer() {
        String user = ApiClient.newUsername("cancel");
        api.register(user);
        String task = api.assign(user, "us-east-1");
        Reply host = api.awaitHost(user);
        String containerId = heldBy(api, user).path("container_id").asText();

        Reply cancelled = api.post("/container_state/cancel", "{\"username\":\"" + user + "\",\"task\":\"" + task + "\"}", api.admin);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asInt()).isEqualTo(200);
        assertThat(api.status(task).text("state")).isEqualTo("CANCELLED");
        assertThat(api.hostInfo(user).text("user_app_state")).isEqualTo("CANCELLED");
        assertThat(api.listedContainer(containerId).isMissingNode()).isTrue();
        assertThat(api.handOver(user, host).status()).isEqualTo(406);
        assertThat(api.status(task).text("state")).isEqualTo("CANCELLED");
    }

    @Test
    void cancelRefusesAMissingKeyOrTokenAndIgnoresAnotherUsersTask() {
        String owner = ApiClient.newUsername("owner");
        String other = ApiClient.newUsername("other");
        api.register(owner);
        api.register(other);
        String task = api.assign(owner, "us-east-1");

        assertThat(api.post("/container_state/cancel", "{\"username\":\"" + owner + "\"}", api.admin).status()).isEqualTo(400);
        assertThat(api.post("/container_state/cancel", "{\"username\":\"" + owner + "\",\"task\":\"" + task + "\"}", null).status())
                .isEqualTo(401);
        assertThat(api.post("/container_state/cancel", "{\"username\":\"" + other + "\",\"task\":\"" + task + "\"}", api.admin).status())
                .isEqualTo(200);
        assertThat(api.status(task).text("state")).isEqualTo("STARTED");
    }

    @Test
    void aSpinUpFinishingAfterACancelDoesNotOverwriteCancelled() {
        for (int i = 0; i < 2; i++) {
            String user = ApiClient.newUsername("ca");
            exhaustible.register(user);
            exhaustible.assign(user, "ca-central-1");
        }
        String cancelled = ApiClient.newUsername("ca");
        exhaustible.register(cancelled);
        String task = exhaustible.assign(cancelled, "ca-central-1");
        assertThat(exhaustible.hostInfo(cancelled).text("user_app_state")).isEqualTo("SPINNING_UP_NEW");
        exhaustible.post("/container_state/cancel", "{\"username\":\"" + cancelled + "\",\"task\":\"" + task + "\"}",
                exhaustible.admin);

        // a spin-up started after the cancel: once it is done, the cancelled one's (scheduled earlier) is too
        String later = ApiClient.newUsername("ca");
        exhaustible.register(later);
        exhaustible.assign(later, "ca-central-1");
        exhaustible.awaitAppState(later, "WAITING_FOR_CLIENT_APP");

        assertThat(exhaustible.status(task).text("state")).isEqualTo("CANCELLED");
        assertThat(exhaustible.hostInfo(cancelled).text("user_app_state")).isEqualTo("CANCELLED");
        assertThat(heldBy(exhaustible, cancelled).isMissingNode()).isTrue();
    }

    @Test
    void aReadyContainerNotReleasedWithinTheIdleTimeoutIsDeleted() {
        try (ApiClient idle = ApiClient.start(Map.of("local.idleTimeout", "300ms"))) {
            String user = ApiClient.newUsername("idle");
            JsonNode row = idle.journey(user, "us-east-1");
            String containerId = row.path("container_id").asText();

            Await.until("idle container deleted", ApiClient.WAIT, () -> idle.listedContainer(containerId), JsonNode::isMissingNode);

            assertThat(idle.hostInfo(user).text("user_app_state")).isNull();
            assertThat(idle.releaseContainer(row).status()).isEqualTo(404);
        }
    }

    @Test
    void releasingDeletesTheContainerAtOnceAndASecondReleaseIs404() {
        String user = ApiClient.newUsername("release");
        JsonNode row = api.journey(user, "us-east-1");
        String containerId = row.path("container_id").asText();

        Reply released = api.releaseContainer(row);

        assertThat(released.status()).isEqualTo(202);
        assertThat(api.status(released.text("ID")).text("state")).isEqualTo("SUCCESS");
        assertThat(api.listedContainer(containerId).isMissingNode()).isTrue();
        assertThat(api.hostInfo(user).text("user_app_state")).isNull();
        Reply again = api.releaseContainer(row);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.text("error")).contains(containerId);
    }

    @Test
    void aWrongKeyIs404AndKeepsTheContainer() {
        String user = ApiClient.newUsername("key");
        JsonNode row = api.journey(user, "us-east-1");
        String containerId = row.path("container_id").asText();

        Reply wrong = api.post("/container/delete", ApiClient.release(containerId, "0".repeat(32)), null);

        assertThat(wrong.status()).isEqualTo(404);
        assertThat(api.listedContainer(containerId).path("user_id").asText()).isEqualTo(user);
        assertThat(api.post("/container/delete", "{\"container_id\":\"x\"}", null).status()).isEqualTo(400);
    }

    @Test
    void deletingAUserCancelsItsAssignmentInFlightAndDeletesItsContainer() {
        String user = ApiClient.newUsername("gone");
        api.register(user);
        String task = api.assign(user, "us-east-1");
        api.awaitHost(user);
        String containerId = heldBy(api, user).path("container_id").asText();

        assertThat(api.post("/account/delete", "{\"username\":\"" + user + "\"}", api.admin).status()).isEqualTo(200);

        assertThat(api.status(task).text("state")).isEqualTo("CANCELLED");
        assertThat(api.listedContainer(containerId).isMissingNode()).isTrue();
        assertThat(api.users(user)).isEmpty();
    }

    @Test
    void deletingAUserDeletesTheContainerItHolds() {
        String user = ApiClient.newUsername("holder");
        JsonNode row = api.journey(user, "us-east-1");

        api.post("/account/delete", "{\"username\":\"" + user + "\"}", api.admin);

        assertThat(api.listedContainer(row.path("container_id").asText()).isMissingNode()).isTrue();
        assertThat(api.releaseContainer(row).status()).isEqualTo(404);
    }

    @Test
    void cancellingAFinishedTaskChangesNothing() {
        String user = ApiClient.newUsername("late");
        api.register(user);
        String task = api.assign(user, "us-east-1");
        api.handOver(user, api.awaitHost(user));
        api.awaitFinal(task);

        api.post("/container_state/cancel", "{\"username\":\"" + user + "\",\"task\":\"" + task + "\"}", api.admin);

        assertThat(api.status(task).text("state")).isEqualTo("SUCCESS");
        assertThat(api.hostInfo(user).text("user_app_state")).isEqualTo("READY");
    }

    private static int freeIn(ApiClient client, String region) {
        int free = 0;
        for (JsonNode container : client.containers()) {
            if (container.path("location").asText().equals(region) && container.path("user_id").isNull()) {
                free++;
            }
        }
        return free;
    }

    private static JsonNode heldBy(ApiClient client, String user) {
        for (JsonNode container : client.containers()) {
            if (container.path("user_id").asText().equals(user)) {
                return container;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
