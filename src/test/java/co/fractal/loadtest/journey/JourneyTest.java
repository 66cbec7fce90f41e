package co.fractal.loadtest.journey;

import co.fractal.loadtest.config.JourneySettings;
import co.fractal.loadtest.config.PollBudget;
import co.fractal.loadtest.results.ContainerOrigin;
import co.fractal.loadtest.results.Invariant;
import co.fractal.loadtest.results.JourneyFailure;
import co.fractal.loadtest.results.JourneyStep;
import co.fractal.loadtest.results.Violation;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journey's rules, each answer class at a time: what the simulation's session functions decide from the
 * values the checks saved. The same rules the old state machine applied, as plain functions.
 */
class JourneyTest {
    private static final String ROW = "{\"container_id\":\"c-1\",\"ip\":\"10.0.0.5\",\"location\":\"us-east-1\","
            + "\"state\":\"RUNNING_AVAILABLE\",\"user_id\":\"u1\",\"task_definition\":\"chrome\",\"task_version\":1,"
            + "\"port_32262\":40001,\"port_32263\":40002,\"port_32273\":40003,\"last_pinged\":1,\"cluster\":\"c\","
            + "\"dpi\":96,\"secret_key\":\"00112233445566778899aabbccddeeff\"}";
    private static final HostAssignment HOST = new HostAssignment("10.0.0.5", 40001, "s3cret");
    private static final TaskProgress TASK = new TaskProgress("task-1", "u1", HOST);

    private static final JourneySettings SETTINGS = new JourneySettings("Google Chrome", "us-east-1", 96, "/mandelbox/assign",
            4678, new PollBudget(3, Duration.ofSeconds(1)), new PollBudget(4, Duration.ofSeconds(1)), 3,
            Duration.ofSeconds(1), Duration.ofSeconds(30), true);

    /** A JSON object as Gatling's jmesPath(..).ofObject() gives it: Java maps, lists and values. */
    private static Map<String, Object> json(String text) {
        try {
            return new ObjectMapper().readValue(text, new TypeReference<>() { });
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static TaskRead read(String state, Object output) {
        return new TaskRead(state, output);
    }

    // ---- 1. assign ---------------------------------------------------------------------------------------

    @Test
    void assignRetriesHonourRetryAfterCappedAndFallBackToTheConfiguredDelay() {
        assertThat(RetryPause.after("7", SETTINGS)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryPause.after(" 3600 ", SETTINGS)).as("capped at assign.maxRetryAfter").isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryPause.after("", SETTINGS)).as("no header").isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryPause.after(null, SETTINGS)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryPause.after("Wed, 21 Oct 2026 07:28:00 GMT", SETTINGS)).as("an HTTP date").isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void assignGivesUpAfterItsAttemptsNamingTheLastStatus() {
        assertThat(FailureReasons.retriesSpent(new RejectedAnswer(429, "", null, read(null, null)), 3))
                .isEqualTo(new JourneyFailure(JourneyStep.ASSIGN, "status 429 after 3 attempts", "status 429"));
        assertThat(FailureReasons.assignTimedOut(2))
                .isEqualTo(new JourneyFailure(JourneyStep.ASSIGN, "no task after 2 attempts", "assign not accepted within its time guard"));
    }

    @Test
    void anyOtherAssignStatusFailsWithTheStatusAndABodyExcerpt() {
        assertThat(rejected(JourneyStep.ASSIGN, new RejectedAnswer(400, "{\"error\": \"unknown app\"}", null, read(null, null))))
                .isEqualTo(new JourneyFailure(JourneyStep.ASSIGN, "status 400", "status 400: {\"error\": \"unknown app\"}"));
        assertThat(rejected(JourneyStep.ASSIGN, new RejectedAnswer(512, "", null, read(null, null))).reason()).isEqualTo("status 512");
        assertThat(rejected(JourneyStep.ASSIGN, new RejectedAnswer(202, "{}", null, read(null, null))).reason())
                .isEqualTo("answer without a task id");
    }

    // ---- 2. host wait ------------------------------------------------------------------------------------

    @Test
    void theHostIsKnownOnlyOnceIpPortAndSecretAreAllThere() {
        assertThat(HostAssignment.of("10.0.0.5", 40001, "s3cret")).contains(HOST);
        assertThat(HostAssignment.of(null, null, null)).isEmpty();
        assertThat(HostAssignment.of("10.0.0.5", 40001, null)).isEmpty();
        assertThat(HostAssignment.of("10.0.0.5", 0, "s3cret")).isEmpty();
    }

    @Test
    void hostWaitFailsWhenItsPollBudgetIsSpentOrTheUserStateEnded() {
        JourneyFailure spent = FailureReasons.hostBudgetSpent(3, SETTINGS.hostWait());
        assertThat(spent.step()).isEqualTo(JourneyStep.HOST_WAIT);
        assertThat(spent.reason()).isEqualTo("budget exhausted");
        assertThat(spent.detail()).isEqualTo("no host after 3 polls (3 × 1s)");
        assertThat(FailureReasons.hostTimedOut(2).reason()).isEqualTo("budget exhausted");

        assertThat(rejected(JourneyStep.HOST_WAIT, new RejectedAnswer(200, "", "FAILURE", read(null, null))).reason())
                .isEqualTo("user state FAILURE");
        assertThat(rejected(JourneyStep.HOST_WAIT, new RejectedAnswer(503, "busy", null, read(null, null))))
                .isEqualTo(new JourneyFailure(JourneyStep.HOST_WAIT, "status 503", "status 503: busy"));
    }

    @Test
    void theServerSaysHowTheContainerCame() {
        assertThat(ContainerOrigin.UNKNOWN.after(null, "SPINNING_UP_NEW")).isEqualTo(ContainerOrigin.SPUN_UP);
        assertThat(ContainerOrigin.UNKNOWN.after("spun_up", "WAITING_FOR_CLIENT_APP")).isEqualTo(ContainerOrigin.SPUN_UP);
        assertThat(ContainerOrigin.SPUN_UP.after("prewarmed", null)).as("spun up stays spun up").isEqualTo(ContainerOrigin.SPUN_UP);
        assertThat(ContainerOrigin.UNKNOWN.after("prewarmed", "WAITING_FOR_CLIENT_APP")).isEqualTo(ContainerOrigin.PREWARMED);
        assertThat(ContainerOrigin.UNKNOWN.after(null, "PENDING")).isEqualTo(ContainerOrigin.UNKNOWN);
    }

    // ---- 3. token hand-over ------------------------------------------------------------------------------

    @Test
    void aRejectedConfigTokenFailsTheHandOver() {
        JourneyFailure failure = rejected(JourneyStep.TOKEN_HANDOVER,
                new RejectedAnswer(406, "{\"result\":\"\",\"error\":\"secret mismatch\"}", null, read(null, null)));

        assertThat(failure.step()).isEqualTo(JourneyStep.TOKEN_HANDOVER);
        assertThat(failure.reason()).isEqualTo("token rejected, status 406");
        assertThat(failure.detail()).contains("secret mismatch");
    }

    // ---- 4. task wait ------------------------------------------------------------------------------------

    @Test
    void taskFailureCancellationNon200MissingStateAndBudgetEachFailWithTheirReason() {
        assertThat(rejected(JourneyStep.TASK_WAIT, new RejectedAnswer(200, "", null, read("FAILURE", "failed to ping"))))
                .extracting(JourneyFailure::reason, JourneyFailure::detail)
                .containsExactly("task FAILURE", "task task-1 failed: failed to ping");
        assertThat(rejected(JourneyStep.TASK_WAIT, new RejectedAnswer(200, "", null, read("CANCELLED", json("{\"msg\":\"x\"}")))))
                .extracting(JourneyFailure::reason, JourneyFailure::detail)
                .containsExactly("task CANCELLED", "task task-1 cancelled");
        assertThat(rejected(JourneyStep.TASK_WAIT, new RejectedAnswer(512, "maintenance", null, read(null, null))).reason())
                .isEqualTo("status 512");
        assertThat(rejected(JourneyStep.TASK_WAIT, new RejectedAnswer(200, "", null, read(null, null))).reason())
                .isEqualTo("answer without a state");

        JourneyFailure spent = FailureReasons.taskBudgetSpent("task-1", "STARTED", 4, SETTINGS.taskWait());
        assertThat(spent.reason()).isEqualTo("budget exhausted");
        assertThat(spent.detail()).contains("still STARTED after 4 polls");
        assertThat(FailureReasons.taskTimedOut("task-1", 2).detail()).contains("task task-1 not final within 2 polls");
    }

    @Test
    void aTaskThatRunsThenSucceedsWithTheHostsContainerIsConsistent() {
        TaskRead pending = read("PENDING", json("{\"msg\":\"waiting\"}"));
        TaskRead started = read("STARTED", json("{\"msg\":\"starting\"}"));
        TaskRead success = read("SUCCESS", json(ROW));

        assertThat(TASK.breach(null, pending)).isEmpty();
        assertThat(TASK.breach(pending, started)).isEmpty();
        assertThat(TASK.breach(started, success)).isEmpty();
        assertThat(TASK.breach(success, read("SUCCESS", json(ROW)))).as("the confirming read").isEmpty();
        assertThat(success.isFinal()).isTrue();
        assertThat(AcquiredContainer.of(json(ROW)))
                .isEqualTo(new AcquiredContainer("c-1", "10.0.0.5", 40001, "00112233445566778899aabbccddeeff", "u1"));
    }

    @Test
    void aStatusThatGoesBackwardsOrAFinalStateThatChangesIsABreach() {
        TaskRead success = read("SUCCESS", json(ROW));

        assertThat(TASK.breach(success, read("PENDING", json(ROW)))).contains("task task-1 of u1 went from SUCCESS back to PENDING");
        assertThat(TASK.breach(read("STARTED", json("{}")), read("PENDING", json("{}")))).contains("task task-1 of u1 went from STARTED back to PENDING");
        assertThat(TASK.breach(success, read("FAILURE", "gone"))).contains("task task-1 of u1 went from SUCCESS back to FAILURE");
    }

    @Test
    void aPendingStateWithAFinishedResultIsCaught() {
        assertThat(TASK.breach(read("STARTED", json("{}")), read("PENDING", json(ROW))))
                .contains("task task-1 of u1 went from STARTED back to PENDING");
        assertThat(TASK.breach(null, read("PENDING", json(ROW))))
                .contains("task task-1 of u1 read PENDING with a finished result (container c-1)");
    }

    @Test
    void aSuccessOutputMustBeCompleteAndMatchTheHostAndTheUser() {
        assertThat(TASK.breach(null, read("SUCCESS", json("{\"msg\":\"done\"}"))).orElseThrow())
                .startsWith("task task-1 of u1 read SUCCESS with an incomplete output, missing container_id, ip");
        assertThat(TASK.breach(null, read("SUCCESS", "done")).orElseThrow()).as("not an object")
                .contains("missing container_id");
        assertThat(TASK.breach(null, read("SUCCESS", json(ROW.replace("40001", "40999")))))
                .contains("task task-1 of u1 read SUCCESS with container c-1 at 10.0.0.5:40999, but /host_service gave 10.0.0.5:40001");
        assertThat(TASK.breach(null, read("SUCCESS", json(ROW.replace("\"u1\"", "\"u7\"")))))
                .contains("task task-1 of u1 read SUCCESS with container c-1 of user u7");
        assertThat(TASK.breach(read("SUCCESS", json(ROW)), read("SUCCESS", json(ROW.replace("c-1", "c-2")))))
                .contains("task task-1 of u1 read SUCCESS with container c-1, then with c-2");
    }

    @Test
    void aBrokenInvariantFailsTheJourneyWithItsEvidence() {
        Violation shared = new Violation(Invariant.EXCLUSIVE_CONTAINERS, "c-1 also held by u7");

        assertThat(FailureReasons.violated(JourneyStep.TASK_WAIT, shared))
                .isEqualTo(new JourneyFailure(JourneyStep.TASK_WAIT, "invariant violated: exclusive_containers", "c-1 also held by u7"));
        assertThat(FailureReasons.violated(JourneyStep.RELEASE, new Violation(Invariant.MONOTONIC_STATUS, "went back")).reason())
                .isEqualTo("invariant violated: monotonic_status");
    }

    // ---- the journey as a whole --------------------------------------------------------------------------

    @Test
    void aJourneyCutOffWithoutAnAnswerIsATransportErrorAtItsStep() {
        assertThat(rejected(JourneyStep.HOST_WAIT, new RejectedAnswer(null, "", null, read(null, null))))
                .isEqualTo(new JourneyFailure(JourneyStep.HOST_WAIT, "transport error",
                        "no answer at host wait (connection failed or timed out)"));
        assertThat(rejected(JourneyStep.RELEASE, new RejectedAnswer(404, "{\"error\":\"no such container\"}", null,
                read(null, null)))).isEqualTo(new JourneyFailure(JourneyStep.RELEASE, "status 404",
                "status 404: {\"error\":\"no such container\"}"));
    }

    @Test
    void moreJourneysThanTestUsersAreRefused() {
        assertThat(FailureReasons.noTestUser(10)).isEqualTo(new JourneyFailure(JourneyStep.ASSIGN, "no test user left",
                "more journeys than the 10 provisioned users"));
        assertThat(Optional.of(FailureReasons.noTestUser(1)).map(JourneyFailure::step)).contains(JourneyStep.ASSIGN);
    }

    private static JourneyFailure rejected(JourneyStep step, RejectedAnswer answer) {
        return FailureReasons.rejected(step, "task-1", answer);
    }
}
