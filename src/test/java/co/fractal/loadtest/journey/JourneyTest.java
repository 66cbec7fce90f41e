package co.fractal.loadtest.journey;

import co.fractal.loadtest.config.JourneySettings;
import co.fractal.loadtest.config.PollBudget;
import co.fractal.loadtest.results.ContainerOrigin;
import co.fractal.loadtest.results.Invariant;
import co.fractal.loadtest.results.JourneyFailure;
import co.fractal.loadtest.results.JourneyResult;
import co.fractal.loadtest.results.JourneyStep;
import co.fractal.loadtest.results.Violation;
import co.fractal.loadtest.webserver.Answer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class JourneyTest {
    private static final String ROW = "{\"container_id\":\"c-1\",\"ip\":\"10.0.0.5\",\"location\":\"us-east-1\","
            + "\"state\":\"RUNNING_AVAILABLE\",\"user_id\":\"u1\",\"task_definition\":\"chrome\",\"task_version\":1,"
            + "\"port_32262\":40001,\"port_32263\":40002,\"port_32273\":40003,\"last_pinged\":1,\"cluster\":\"c\","
            + "\"dpi\":96,\"secret_key\":\"00112233445566778899aabbccddeeff\"}";
    private static final String HOST = "{\"ip\":\"10.0.0.5\",\"port\":40001,\"client_app_auth_secret\":\"s3cret\"}";

    private final AtomicLong clock = new AtomicLong();
    private final RecordingListener listener = new RecordingListener();

    private static JourneySettings settings(boolean release) {
        return new JourneySettings("Google Chrome", "us-east-1", 96, "/mandelbox/assign", 4678,
                new PollBudget(3, Duration.ofSeconds(1)), new PollBudget(4, Duration.ofSeconds(1)), 3,
                Duration.ofSeconds(1), Duration.ofSeconds(30), release);
    }

    private Journey journey(boolean release) {
        return new Journey("u1", settings(release), listener, clock::get);
    }

    private void advanceMillis(long millis) {
        clock.addAndGet(millis * 1_000_000);
    }

    private static Answer ok(String body) {
        return new Answer(200, body);
    }

    private static Answer status(String state, String output) {
        return ok("{\"state\":\"" + state + "\",\"output\":" + output + "}");
    }

    private void acquire(Journey journey) {
        journey.onAssign(new Answer(202, "{\"ID\":\"task-1\"}"), null);
        advanceMillis(100);
        journey.onHost(ok("{\"ip\":null,\"port\":null,\"client_app_auth_secret\":null,\"user_app_state\":\"PENDING\"}"));
        advanceMillis(1000);
        journey.onHost(ok(HOST));
        advanceMillis(20);
        journey.onToken(ok("{\"result\":\"\"}"));
        advanceMillis(500);
        journey.onStatus(status("PENDING", "{\"msg\":\"waiting\"}"));
        advanceMillis(1000);
        journey.onStatus(status("SUCCESS", ROW));
    }

    @Test
    void aJourneyThatAcquiresAndReleasesSucceedsWithItsTimes() {
        Journey journey = journey(true);
        assertThat(journey.assignBody()).isEqualTo(
                "{\"username\":\"u1\",\"app\":\"Google Chrome\",\"region\":\"us-east-1\",\"dpi\":96}");

        acquire(journey);
        assertThat(journey.waitingForTask()).isFalse();
        journey.onConfirm(status("SUCCESS", ROW));
        advanceMillis(5);
        assertThat(journey.releasing()).isTrue();
        assertThat(journey.releaseBody()).contains("\"container_id\":\"c-1\"", "\"private_key\":\"00112233445566778899aabbccddeeff\"");
        journey.onRelease(new Answer(202, "{\"ID\":\"t2\"}"));

        JourneyResult result = journey.result();
        assertThat(result.succeeded()).isTrue();
        assertThat(result.timeToContainerMicros()).isEqualTo(2_620_000);
        assertThat(result.stepMicros()).containsEntry(JourneyStep.ASSIGN, 0L)
                .containsEntry(JourneyStep.HOST_WAIT, 1_100_000L).containsEntry(JourneyStep.TOKEN_HANDOVER, 20_000L)
                .containsEntry(JourneyStep.TASK_WAIT, 1_500_000L).containsEntry(JourneyStep.RELEASE, 5_000L);
        assertThat(listener.events).containsExactly("task u1 task-1", "acquired u1 c-1 10.0.0.5:40001", "released u1 c-1");
        assertThat(listener.answers).containsExactly("assign 202", "host_service 200", "host_service 200",
                "set_config_encryption_token 200", "status 200", "status 200", "status 200", "container/delete 202");
        assertThat(journey.taskSettled()).isTrue();
    }

    @Test
    void theConfigTokenGoesWithTheSecretTheHostServiceGave() {
        Journey journey = journey(true);
        journey.onAssign(new Answer(202, "{\"ID\":\"task-1\"}"), null);
        journey.onHost(ok(HOST));

        assertThat(journey.host()).isEqualTo(new HostAssignment("10.0.0.5", 40001, "s3cret"));
        assertThat(journey.tokenBody()).matches("\\{\"user_id\":\"u1\",\"host_port\":40001,"
                + "\"config_encryption_token\":\"[0-9a-f]{64}\",\"client_app_auth_secret\":\"s3cret\"}");
    }

    @Test
    void assignRetriesHonourRetryAfterCappedAndThenGiveUp() {
        Journey journey = journey(true);
        journey.onAssign(new Answer(429, "slow down"), "7");
        assertThat(journey.assigning()).isTrue();
        assertThat(journey.lastAnswerFailed()).isFalse();
        assertThat(journey.retryPause()).isEqualTo(Duration.ofSeconds(7));

        journey.onAssign(new Answer(503, ""), "3600");
        assertThat(journey.retryPause()).isEqualTo(Duration.ofSeconds(30));

        journey.onAssign(new Answer(429, ""), null);
        assertThat(journey.assigning()).isFalse();
        assertThat(journey.lastAnswerFailed()).isTrue();
        assertThat(journey.failure()).contains(new JourneyFailure(JourneyStep.ASSIGN, "status 429 after 3 attempts", "status 429"));
    }

    @Test
    void aRetryWithoutRetryAfterWaitsTheConfiguredDelay() {
        Journey journey = journey(true);
        journey.onAssign(new Answer(503, ""), "Wed, 21 Oct 2026 07:28:00 GMT");
        assertThat(journey.retryPause()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anyOtherAssignStatusFailsWithTheStatusAndABodyExcerpt() {
        Journey journey = journey(true);
        journey.onAssign(new Answer(400, "{\"error\": \"unknown app\"}"), null);

        assertThat(journey.failure()).contains(new JourneyFailure(JourneyStep.ASSIGN, "status 400",
                "status 400: {\"error\": \"unknown app\"}"));
        assertThat(journey.result().succeeded()).isFalse();
    }

    @Test
    void hostWaitFailsWhenItsPollBudgetIsSpent() {
        Journey journey = journey(true);
        journey.onAssign(new Answer(202, "{\"ID\":\"t\"}"), null);
        String nothingYet = "{\"ip\":null,\"port\":null,\"client_app_auth_secret\":null}";
        journey.onHost(ok(nothingYet));
        journey.onHost(ok(nothingYet));
        assertThat(journey.waitingForHost()).isTrue();
        journey.onHost(ok(nothingYet));

        assertThat(journey.waitingForHost()).isFalse();
        assertThat(journey.failure().orElseThrow().step()).isEqualTo(JourneyStep.HOST_WAIT);
        assertThat(journey.failure().orElseThrow().reason()).isEqualTo("budget exhausted");
        assertThat(journey.failure().orElseThrow().detail()).contains("no host after 3 polls");
    }

    @Test
    void aLoopThatEndsByItsTimeGuardFailsTheStep() {
        Journey journey = journey(true);
        journey.onAssign(new Answer(202, "{\"ID\":\"t\"}"), null);
        journey.loopEnded(JourneyStep.ASSIGN);
        assertThat(journey.failure()).as("the assign loop ended with its task").isEmpty();

        journey.loopEnded(JourneyStep.HOST_WAIT);
        assertThat(journey.failure().orElseThrow().step()).isEqualTo(JourneyStep.HOST_WAIT);
        assertThat(journey.failure().orElseThrow().reason()).isEqualTo("budget exhausted");
    }

    @Test
    void aRejectedConfigTokenFailsTheHandOver() {
        Journey journey = journey(true);
        journey.onAssign(new Answer(202, "{\"ID\":\"t\"}"), null);
        journey.onHost(ok(HOST));
        journey.onToken(new Answer(406, "{\"result\":\"\",\"error\":\"secret mismatch\"}"));

        JourneyFailure failure = journey.failure().orElseThrow();
        assertThat(failure.step()).isEqualTo(JourneyStep.TOKEN_HANDOVER);
        assertThat(failure.reason()).isEqualTo("token rejected, status 406");
        assertThat(failure.detail()).contains("secret mismatch");
    }

    @Test
    void taskFailureCancellationNon200AndBudgetEachFailWithTheirReason() {
        assertThat(taskFailure(status("FAILURE", "\"failed to ping\""))).extracting(JourneyFailure::reason, JourneyFailure::detail)
                .containsExactly("task FAILURE", "task task-1 failed: failed to ping");
        assertThat(taskFailure(status("CANCELLED", "{\"msg\":\"cancelled\"}")).reason()).isEqualTo("task CANCELLED");
        assertThat(taskFailure(new Answer(512, "maintenance")).reason()).isEqualTo("status 512");

        Journey journey = journeyWaitingForTask();
        for (int i = 0; i < 4; i++) {
            journey.onStatus(status("STARTED", "{\"msg\":\"starting\"}"));
        }
        assertThat(journey.failure().orElseThrow().reason()).isEqualTo("budget exhausted");
        assertThat(journey.failure().orElseThrow().detail()).contains("still STARTED after 4 polls");
    }

    private JourneyFailure taskFailure(Answer answer) {
        Journey journey = journeyWaitingForTask();
        journey.onStatus(answer);
        assertThat(journey.waitingForTask()).isFalse();
        assertThat(journey.lastAnswerFailed()).isTrue();
        JourneyFailure failure = journey.failure().orElseThrow();
        assertThat(failure.step()).isEqualTo(JourneyStep.TASK_WAIT);
        return failure;
    }

    private Journey journeyWaitingForTask() {
        Journey journey = journey(true);
        journey.onAssign(new Answer(202, "{\"ID\":\"task-1\"}"), null);
        journey.onHost(ok(HOST));
        journey.onToken(ok("{\"result\":\"\"}"));
        return journey;
    }

    @Test
    void aStatusThatGoesBackwardsOnTheConfirmingReadViolatesMonotonicStatus() {
        Journey journey = journey(true);
        acquire(journey);
        journey.onConfirm(status("PENDING", ROW));

        assertThat(listener.violations).singleElement().satisfies(v -> {
            assertThat(v.invariant()).isEqualTo(Invariant.MONOTONIC_STATUS);
            assertThat(v.evidence()).isEqualTo("task task-1 of u1 went from SUCCESS back to PENDING");
        });
        assertThat(journey.failure().orElseThrow().reason()).isEqualTo("invariant violated: monotonic_status");
        assertThat(journey.lastAnswerFailed()).isTrue();
    }

    @Test
    void aPendingStateWithAFinishedResultIsCaught() {
        Journey journey = journeyWaitingForTask();
        journey.onStatus(status("PENDING", ROW));

        assertThat(listener.violations).singleElement().extracting(Violation::evidence)
                .isEqualTo("task task-1 of u1 read PENDING with a finished result (container c-1)");
    }

    @Test
    void aSuccessOutputMustBeCompleteAndMatchTheHost() {
        Journey incomplete = journeyWaitingForTask();
        incomplete.onStatus(status("SUCCESS", "{\"msg\":\"done\"}"));
        assertThat(listener.violations.get(0).evidence()).startsWith("task task-1 of u1 read SUCCESS with an incomplete output, missing container_id, ip");

        Journey elsewhere = journeyWaitingForTask();
        elsewhere.onStatus(status("SUCCESS", ROW.replace("40001", "40999")));
        assertThat(listener.violations.get(1).evidence())
                .isEqualTo("task task-1 of u1 read SUCCESS with container c-1 at 10.0.0.5:40999, but /host_service gave 10.0.0.5:40001");
    }

    @Test
    void aContainerAnotherUserHoldsFailsTheJourneyWithTheViolation() {
        listener.conflict = Optional.of(new Violation(Invariant.EXCLUSIVE_CONTAINERS, "c-1 also held by u7"));
        Journey journey = journey(true);
        acquire(journey);

        assertThat(journey.failure().orElseThrow().reason()).isEqualTo("invariant violated: exclusive_containers");
        assertThat(listener.violations).extracting(Violation::evidence).containsExactly("c-1 also held by u7");
    }

    @Test
    void aJourneyCutOffWithoutAnAnswerIsATransportError() {
        Journey journey = journey(true);
        journey.onAssign(new Answer(202, "{\"ID\":\"t\"}"), null);

        JourneyResult result = journey.result();
        assertThat(result.failure()).contains(new JourneyFailure(JourneyStep.HOST_WAIT, "transport error",
                "no answer at host wait (connection failed or timed out)"));
        assertThat(result.timeToContainerMicros()).isNegative();
    }

    @Test
    void withoutReleaseTheJourneyEndsWithItsContainer() {
        Journey journey = journey(false);
        acquire(journey);
        journey.onConfirm(status("SUCCESS", ROW));

        assertThat(journey.releasing()).isFalse();
        assertThat(journey.result().succeeded()).isTrue();
    }

    @Test
    void theServerSaysHowTheContainerCame() {
        Journey spun = journey(true);
        spun.onAssign(new Answer(202, "{\"ID\":\"t\"}"), null);
        spun.onHost(ok("{\"ip\":null,\"port\":null,\"client_app_auth_secret\":null,\"user_app_state\":\"SPINNING_UP_NEW\"}"));
        assertThat(spun.result().origin()).isEqualTo(ContainerOrigin.SPUN_UP);

        Journey prewarmed = journey(true);
        prewarmed.onAssign(new Answer(202, "{\"ID\":\"t\"}"), null);
        prewarmed.onHost(ok(HOST.replace("}", ",\"container_origin\":\"prewarmed\"}")));
        assertThat(prewarmed.result().origin()).isEqualTo(ContainerOrigin.PREWARMED);

        Journey silent = journey(true);
        silent.onAssign(new Answer(202, "{\"ID\":\"t\"}"), null);
        silent.onHost(ok(HOST));
        assertThat(silent.result().origin()).isEqualTo(ContainerOrigin.UNKNOWN);
    }

    /** Records what the journey tells its run. */
    private static final class RecordingListener implements JourneyListener {
        final List<String> events = new ArrayList<>();
        final List<String> answers = new ArrayList<>();
        final List<Violation> violations = new ArrayList<>();
        Optional<Violation> conflict = Optional.empty();

        @Override
        public void answered(String endpoint, int status) {
            answers.add(endpoint + " " + status);
        }

        @Override
        public void taskAccepted(String username, String taskId) {
            events.add("task " + username + " " + taskId);
        }

        @Override
        public Optional<Violation> acquired(String username, ContainerRow container) {
            events.add("acquired " + username + " " + container.containerId() + " " + container.hostAndPort());
            return conflict;
        }

        @Override
        public void released(String username, ContainerRow container) {
            events.add("released " + username + " " + container.containerId());
        }

        @Override
        public void violated(Violation violation) {
            violations.add(violation);
        }
    }
}
