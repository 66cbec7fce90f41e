package co.fractal.loadtest.journey;

import co.fractal.loadtest.webserver.Answer;

import co.fractal.loadtest.config.JourneySettings;
import co.fractal.loadtest.results.ContainerOrigin;
import co.fractal.loadtest.results.Invariant;
import co.fractal.loadtest.results.JourneyFailure;
import co.fractal.loadtest.results.JourneyResult;
import co.fractal.loadtest.results.JourneyStep;
import co.fractal.loadtest.results.Violation;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * One test user acquiring one container: assign, wait for the host, hand over the config token, wait for
 * the task, release. The simulation sends the requests and hands each answer here; the journey decides
 * what it means (go on, poll again, retry, or fail with a reason), times each step and checks the task's
 * progress. One virtual user owns it, so it is never used by two threads at once.
 */
public final class Journey {
    private static final String HEX = "0123456789abcdef";

    private final String username;
    private final JourneySettings settings;
    private final JourneyListener listener;
    private final LongSupplier nanoTime;
    private final String configToken;
    private final long startedAt;
    private final Map<JourneyStep, Long> stepMicros = new EnumMap<>(JourneyStep.class);

    private JourneyStep step = JourneyStep.ASSIGN;
    private long stepStartedAt;
    private JourneyFailure failure;
    private boolean lastAnswerFailed;
    private int assignAttempts;
    private Duration retryPause = Duration.ZERO;
    private String taskId;
    private int hostPolls;
    private HostAssignment host;
    private ContainerOrigin origin = ContainerOrigin.UNKNOWN;
    private int taskPolls;
    private TaskProgress progress;
    private ContainerRow container;
    private long timeToContainerMicros = -1;
    private boolean released;
    private boolean taskFinal;

    public Journey(String username, JourneySettings settings, JourneyListener listener, LongSupplier nanoTime) {
        this.username = username;
        this.settings = settings;
        this.listener = listener;
        this.nanoTime = nanoTime;
        this.configToken = randomHex(64);
        this.startedAt = nanoTime.getAsLong();
        this.stepStartedAt = startedAt;
    }

    public String username() {
        return username;
    }

    public String taskId() {
        return taskId;
    }

    /** The host the config token goes to; known once {@link #waitingForHost()} is false without failure. */
    public HostAssignment host() {
        return host;
    }

    /** The container the task returned; known after SUCCESS. */
    public ContainerRow container() {
        return container;
    }

    // ---- 1. assign -------------------------------------------------------------------------------------

    /** The body of {@code POST /mandelbox/assign}. */
    public String assignBody() {
        return "{\"username\":\"" + quote(username) + "\",\"app\":\"" + quote(settings.app()) + "\",\"region\":\""
                + quote(settings.region()) + "\",\"dpi\":" + settings.dpi() + "}";
    }

    /** True while another assign request is due. */
    public boolean assigning() {
        return failure == null && taskId == null && assignAttempts < settings.assignAttempts();
    }

    /** How long to wait before the next assign attempt. */
    public Duration retryPause() {
        return retryPause;
    }

    /** Handles an assign answer: 202 moves on, 429/503 retry (honouring Retry-After), anything else fails. */
    public void onAssign(Answer answer, String retryAfter) {
        listener.answered("assign", answer.status());
        assignAttempts++;
        if (answer.status() == 202) {
            String id = Answer.text(answer.json(), "ID");
            if (id == null) {
                fail("answer without a task id", answer.describe());
                return;
            }
            taskId = id;
            listener.taskAccepted(username, id);
            endStep(JourneyStep.HOST_WAIT);
        } else if (answer.status() == 429 || answer.status() == 503) {
            if (assignAttempts >= settings.assignAttempts()) {
                fail("status " + answer.status() + " after " + assignAttempts + " attempts", answer.describe());
            } else {
                retryPause = retryDelay(retryAfter);
                lastAnswerFailed = false;
            }
        } else {
            fail("status " + answer.status(), answer.describe());
        }
    }

    private Duration retryDelay(String retryAfter) {
        if (retryAfter != null) {
            try {
                Duration asked = Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
                return asked.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : asked;
            } catch (NumberFormatException e) {
                // an HTTP date or garbage: fall back to the configured delay
            }
        }
        return settings.assignRetryDelay();
    }

    // ---- 2. wait for the host --------------------------------------------------------------------------

    /** True while {@code /host_service} has not given the host yet and the budget lasts. */
    public boolean waitingForHost() {
        return failure == null && host == null;
    }

    /** Handles a {@code /host_service} answer. */
    public void onHost(Answer answer) {
        listener.answered("host_service", answer.status());
        hostPolls++;
        if (answer.status() != 200) {
            fail("status " + answer.status(), answer.describe());
            return;
        }
        JsonNode json = answer.json();
        noteOrigin(json);
        String ip = Answer.text(json, "ip");
        String secret = Answer.text(json, "client_app_auth_secret");
        int port = json.path("port").asInt(-1);
        if (ip != null && port > 0 && secret != null) {
            host = new HostAssignment(ip, port, secret);
            endStep(JourneyStep.TOKEN_HANDOVER);
        } else if ("FAILURE".equals(Answer.text(json, "user_app_state")) || "CANCELLED".equals(Answer.text(json, "user_app_state"))) {
            fail("user state " + Answer.text(json, "user_app_state"), answer.describe());
        } else if (hostPolls >= settings.hostWait().polls()) {
            fail("budget exhausted", "no host after " + hostPolls + " polls (" + settings.hostWait() + ")");
        } else {
            lastAnswerFailed = false;
        }
    }

    private void noteOrigin(JsonNode json) {
        String said = Answer.text(json, "container_origin");
        if ("spun_up".equals(said) || "SPINNING_UP_NEW".equals(Answer.text(json, "user_app_state"))) {
            origin = ContainerOrigin.SPUN_UP;
        } else if ("prewarmed".equals(said) && origin == ContainerOrigin.UNKNOWN) {
            origin = ContainerOrigin.PREWARMED;
        }
    }

    // ---- 3. hand over the config token -----------------------------------------------------------------

    /** The body of {@code PUT /set_config_encryption_token}. */
    public String tokenBody() {
        return "{\"user_id\":\"" + quote(username) + "\",\"host_port\":" + host.port() + ",\"config_encryption_token\":\""
                + configToken + "\",\"client_app_auth_secret\":\"" + quote(host.authSecret()) + "\"}";
    }

    /** Handles the host service's answer to the config token. */
    public void onToken(Answer answer) {
        listener.answered("set_config_encryption_token", answer.status());
        if (answer.status() / 100 == 2) {
            endStep(JourneyStep.TASK_WAIT);
            lastAnswerFailed = false;
        } else {
            fail("token rejected, status " + answer.status(), answer.describe());
        }
    }

    // ---- 4. wait for the task --------------------------------------------------------------------------

    /** True while the task is not final and the budget lasts. */
    public boolean waitingForTask() {
        return failure == null && container == null;
    }

    /** Handles a {@code /status/<task>} answer while waiting for the task. */
    public void onStatus(Answer answer) {
        listener.answered("status", answer.status());
        taskPolls++;
        String state = readState(answer);
        if (state == null) {
            return;
        }
        JsonNode output = answer.json().path("output");
        if (!checkProgress(state, output)) {
            return;
        }
        taskFinal = TaskProgress.isFinal(state);
        switch (state) {
            case "SUCCESS" -> succeed(output);
            case "FAILURE" -> fail("task FAILURE", "task " + taskId + " failed: " + output.asText(output.toString()));
            case "CANCELLED", "REVOKED" -> fail("task " + state, "task " + taskId + " " + state.toLowerCase(Locale.ROOT));
            default -> {
                if (taskPolls >= settings.taskWait().polls()) {
                    fail("budget exhausted", "task " + taskId + " still " + state + " after " + taskPolls + " polls ("
                            + settings.taskWait() + ")");
                } else {
                    lastAnswerFailed = false;
                }
            }
        }
    }

    /** Handles the re-read of a task that reached SUCCESS: it must still read SUCCESS with the same container. */
    public void onConfirm(Answer answer) {
        listener.answered("status", answer.status());
        String state = readState(answer);
        if (state != null && checkProgress(state, answer.json().path("output"))) {
            stepStartedAt = nanoTime.getAsLong();
            lastAnswerFailed = false;
        }
    }

    private String readState(Answer answer) {
        if (answer.status() != 200) {
            fail("status " + answer.status(), answer.describe());
            return null;
        }
        String state = Answer.text(answer.json(), "state");
        if (state == null) {
            fail("answer without a state", answer.describe());
        }
        return state;
    }

    private boolean checkProgress(String state, JsonNode output) {
        if (progress == null) {
            progress = new TaskProgress(taskId, username, host);
        }
        Optional<String> breach = progress.observe(state, output);
        breach.ifPresent(evidence -> violate(new Violation(Invariant.MONOTONIC_STATUS, evidence)));
        return breach.isEmpty();
    }

    private void succeed(JsonNode output) {
        container = ContainerRow.of(output);
        timeToContainerMicros = (nanoTime.getAsLong() - startedAt) / 1000;
        endStep(JourneyStep.RELEASE);
        Optional<Violation> shared = listener.acquired(username, container);
        shared.ifPresentOrElse(this::violate, () -> lastAnswerFailed = false);
    }

    // ---- 5. release ------------------------------------------------------------------------------------

    /** True when the journey holds a container it should release. */
    public boolean releasing() {
        return settings.release() && container != null && !released;
    }

    /** The body of {@code POST /container/delete}. */
    public String releaseBody() {
        return "{\"container_id\":\"" + quote(container.containerId()) + "\",\"private_key\":\""
                + quote(container.secretKey()) + "\"}";
    }

    /** Handles the answer to the release. */
    public void onRelease(Answer answer) {
        listener.answered("container/delete", answer.status());
        if (answer.status() / 100 == 2) {
            released = true;
            listener.released(username, container);
            endStep(null);
            lastAnswerFailed = false;
        } else {
            fail("status " + answer.status(), answer.describe());
        }
    }

    // ---- outcome ---------------------------------------------------------------------------------------

    /**
     * The loop of a step ended (its attempts, polls or time guard ran out): if that step did not get what it
     * waited for, the journey fails there.
     */
    public void loopEnded(JourneyStep loop) {
        if (failure != null) {
            return;
        }
        if (loop == JourneyStep.ASSIGN && taskId == null) {
            fail("no task after " + assignAttempts + " attempts", "assign not accepted within its time guard");
        } else if (loop == JourneyStep.HOST_WAIT && host == null) {
            fail("budget exhausted", "no host within " + hostPolls + " polls and the host wait's time guard");
        } else if (loop == JourneyStep.TASK_WAIT && container == null) {
            fail("budget exhausted", "task " + taskId + " not final within " + taskPolls + " polls and the task wait's time guard");
        }
    }

    /** True when the answer just handled ended the journey in failure: the request counts as failed. */
    public boolean lastAnswerFailed() {
        return lastAnswerFailed;
    }

    /** True when the container was acquired, and released unless the journey leaves it to expire. */
    private boolean complete() {
        return container != null && (released || !settings.release());
    }

    /** True when the task reached a final state: there is no assignment left to cancel. */
    public boolean taskSettled() {
        return taskFinal;
    }

    /** Fails the journey before it starts, e.g. when no test user is left for it. */
    public void refuse(String reason, String detail) {
        fail(reason, detail);
    }

    /** Why the journey failed, if it did. */
    public Optional<JourneyFailure> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * The journey's result. A journey that ended before finishing without a failure of its own got no
     * answer to judge (connection refused, timeout): it fails with a transport error at the step it was in.
     */
    public JourneyResult result() {
        if (failure == null && !complete()) {
            fail("transport error", "no answer at " + step.label() + " (connection failed or timed out)");
        }
        return new JourneyResult(username, Optional.ofNullable(failure), origin, timeToContainerMicros, Map.copyOf(stepMicros));
    }

    private void violate(Violation violation) {
        listener.violated(violation);
        fail("invariant violated: " + violation.invariant().name().toLowerCase(Locale.ROOT), violation.evidence());
    }

    private void fail(String reason, String detail) {
        if (failure == null) {
            failure = new JourneyFailure(step, reason, detail);
        }
        lastAnswerFailed = true;
    }

    private void endStep(JourneyStep next) {
        long now = nanoTime.getAsLong();
        stepMicros.put(step, (now - stepStartedAt) / 1000);
        stepStartedAt = now;
        if (next != null) {
            step = next;
        }
    }

    private static String quote(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }

    private static String randomHex(int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = HEX.charAt(random.nextInt(16));
        }
        return new String(chars);
    }
}
