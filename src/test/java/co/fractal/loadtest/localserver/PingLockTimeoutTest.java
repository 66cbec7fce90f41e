package co.fractal.loadtest.localserver;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ping-lock-timeout fault as a black-box client sees it: a ping holding a row of the cluster when an assign
 * hands a container over makes the reaper's lock time out; its deletions and the assignment's later ones are
 * lost, so containers that should be gone stay listed (STOPPING) and still answer their pings. With the fault
 * off the same steps leave nothing behind. The server's clock stands still unless a test moves it, so whether a
 * ping's lock is still held is a matter of state.
 */
@Timeout(90)
class PingLockTimeoutTest {
    private static final Duration REAP_AFTER = Duration.ofSeconds(90);

    private static ApiClient start(String faults, ServerClock clock) {
        return ApiClient.start(Map.of("local.faults", faults, "local.prewarmed", "4"), clock);
    }

    /** What one run of the steps left: the silent container, the new session's container, its user. */
    private record Outcome(JsonNode silent, JsonNode ended, String endedUser) {
    }

    // a silent container and a pinging one in us-east-1; 91 s later the pinging one pings, then (after
    // `sincePing` on the server's clock) another user's assign hands a container over there; that user's
    // session ends at once (its container deleted, then the user)
    private static Outcome run(ApiClient api, ManualClock clock, Duration sincePing) {
        JsonNode silent = api.journey(ApiClient.newUsername("silent"), "us-east-1");
        JsonNode pinging = api.journey(ApiClient.newUsername("pinging"), "us-east-1");
        clock.advance(REAP_AFTER.plusSeconds(1));
        assertThat(api.ping(pinging, false).status()).isEqualTo(200);
        clock.advance(sincePing);

        String user = ApiClient.newUsername("next");
        JsonNode ended = api.journey(user, "us-east-1");
        assertThat(api.post("/mandelbox/delete", ApiClient.release(ended.path("container_id").asText(),
                ended.path("secret_key").asText()), null).status()).isEqualTo(202);
        assertThat(api.post("/account/delete", "{\"username\":\"" + user + "\"}", api.admin).status()).isEqualTo(200);
        return new Outcome(silent, ended, user);
    }

    @Test
    void aReaperMeetingAPingsRowLockLosesItsDeletionsAndTheAssignmentsLaterOnes() {
        ManualClock clock = new ManualClock();
        try (ApiClient api = start("ping-lock-timeout", clock)) {
            Outcome outcome = run(api, clock, Duration.ZERO);

            JsonNode silent = api.listedContainer(outcome.silent().path("container_id").asText());
            assertThat(silent.path("state").asText()).as("the reaper's deletion was lost").isEqualTo("STOPPING");
            assertThat(silent.path("user_id").asText()).isEqualTo(outcome.silent().path("user_id").asText());
            assertThat(api.ping(outcome.silent(), true).status()).as("a last ping after its ending").isEqualTo(200);
            JsonNode ended = api.listedContainer(outcome.ended().path("container_id").asText());
            assertThat(ended.path("state").asText()).as("its /mandelbox/delete was lost").isEqualTo("STOPPING");
            assertThat(api.ping(outcome.ended(), true).status()).isEqualTo(200);
            assertThat(api.users(outcome.endedUser())).as("its user's deletion was lost").hasSize(1);
        }
    }

    @Test
    void withTheFaultOffTheSameStepsLeaveNothingBehind() {
        ManualClock clock = new ManualClock();
        try (ApiClient api = start("", clock)) {
            Outcome outcome = run(api, clock, Duration.ZERO);

            assertThat(api.listedContainer(outcome.silent().path("container_id").asText()).isMissingNode()).isTrue();
            assertThat(api.ping(outcome.silent(), true).status()).isEqualTo(404);
            assertThat(api.listedContainer(outcome.ended().path("container_id").asText()).isMissingNode()).isTrue();
            assertThat(api.ping(outcome.ended(), true).status()).isEqualTo(404);
            assertThat(api.users(outcome.endedUser())).isEmpty();
        }
    }

    @Test
    void aPingWhoseTransactionEndedHoldsNoLock() {
        ManualClock clock = new ManualClock();
        try (ApiClient api = start("ping-lock-timeout", clock)) {
            Outcome outcome = run(api, clock, LockTimeout.HOLD.minus(LockTimeout.PATIENCE));

            assertThat(api.ping(outcome.silent(), true).status()).isEqualTo(404);
            assertThat(api.ping(outcome.ended(), true).status()).isEqualTo(404);
            assertThat(api.users(outcome.endedUser())).isEmpty();
        }
    }

    @Test
    void aRowLeftBehindTakesPingsWithoutLeavingStopping() {
        ManualClock clock = new ManualClock();
        try (ApiClient api = start("ping-lock-timeout", clock)) {
            Outcome outcome = run(api, clock, Duration.ZERO);
            String id = outcome.ended().path("container_id").asText();
            long before = api.listedContainer(id).path("last_pinged").asLong();
            clock.advance(Duration.ofSeconds(5));

            assertThat(api.ping(outcome.ended(), true).status()).isEqualTo(200);
            assertThat(api.ping(outcome.ended(), false).status()).isEqualTo(200);

            JsonNode listed = api.listedContainer(id);
            assertThat(listed.path("state").asText()).isEqualTo("STOPPING");
            assertThat(listed.path("last_pinged").asLong()).isEqualTo(before + 5);
            Reply info = api.protocolInfo(outcome.ended());
            assertThat(info.text("state")).isEqualTo("STOPPING");
            assertThat(info.text("user_id")).isEqualTo(outcome.endedUser());
        }
    }

    @Test
    void underHeldSessionsPingingAndUsersAssigningTheFaultLeavesEndedSessionsContainersBehind() throws Exception {
        assertThat(endedSessionsLeftBehind("ping-lock-timeout")).as("containers of ended sessions still answering pings")
                .isNotEmpty();
        assertThat(endedSessionsLeftBehind("")).isEmpty();
    }

    // three held containers ping every 20 ms on the real clock while eight users acquire a container in the same
    // region and end their sessions; returns the ended sessions whose container still answers a ping
    private static List<String> endedSessionsLeftBehind(String faults) throws Exception {
        try (ApiClient api = start(faults, ServerClock.SYSTEM)) {
            List<JsonNode> held = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                held.add(api.journey(ApiClient.newUsername("held"), "us-east-1"));
            }
            AtomicBoolean pinging = new AtomicBoolean(true);
            CompletableFuture<Void> pings = CompletableFuture.runAsync(() -> {
                long end = System.nanoTime() + ApiClient.WAIT.toNanos();
                while (pinging.get() && System.nanoTime() - end < 0) {
                    held.forEach(row -> assertThat(api.ping(row, false).status()).isEqualTo(200));
                    Await.pause(Duration.ofMillis(20));
                }
            });
            List<String> leftBehind = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    JsonNode row = api.journey(ApiClient.newUsername("session"), "us-east-1");
                    api.post("/mandelbox/delete", ApiClient.release(row.path("container_id").asText(),
                            row.path("secret_key").asText()), null);
                    if (api.ping(row, true).status() == 200) {
                        leftBehind.add(row.path("container_id").asText());
                    }
                }
            } finally {
                pinging.set(false);
            }
            pings.get();
            return leftBehind;
        }
    }
}
