package co.fractal.loadtest.journey;

import co.fractal.loadtest.config.PollBudget;
import co.fractal.loadtest.results.JourneyFailure;
import co.fractal.loadtest.results.JourneyStep;
import co.fractal.loadtest.results.Violation;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Why a journey failed, in the words summaries count failures by: a short, stable reason ("status 512",
 * "budget exhausted", "task FAILURE", "transport error", …) and one concrete detail.
 */
public final class FailureReasons {
    private static final String NO_ANSWER = "transport error";
    private static final Pattern SERVER_ERROR = Pattern.compile("status 5\\d\\d\\b.*");

    private FailureReasons() {
    }

    /**
     * True when the failure leaves unknown what the webserver did: no answer came (the connection failed or the request
     * timed out) or it answered 5xx, which does not prove that nothing was written.
     */
    public static boolean unclear(JourneyFailure failure) {
        return failure.reason().equals(NO_ANSWER) || SERVER_ERROR.matcher(failure.reason()).matches();
    }

    /** The reason for an answer that failed a step's checks, or for no answer at all. */
    public static JourneyFailure rejected(JourneyStep step, String taskId, RejectedAnswer answer) {
        if (answer.status() == null) {
            return new JourneyFailure(step, NO_ANSWER, "no answer at " + step.label() + " (connection failed or timed out)");
        }
        int status = answer.status();
        return switch (step) {
            case ASSIGN -> status == 202
                    ? new JourneyFailure(step, "answer without a task id", answer.describe())
                    : new JourneyFailure(step, "status " + status, answer.describe());
            case HOST_WAIT -> status == 200 && answer.userState() != null
                    ? new JourneyFailure(step, "user state " + answer.userState(), "task " + taskId + ": user_app_state "
                    + answer.userState() + " while waiting for the host")
                    : new JourneyFailure(step, "status " + status, answer.describe());
            case TOKEN_HANDOVER -> new JourneyFailure(step, "token rejected, status " + status, answer.describe());
            case TASK_WAIT, RELEASE -> status == 200 ? taskRejected(step, taskId, answer)
                    : new JourneyFailure(step, "status " + status, answer.describe());
        };
    }

    private static JourneyFailure taskRejected(JourneyStep step, String taskId, RejectedAnswer answer) {
        TaskRead task = answer.task();
        if (task.state() == null) {
            return new JourneyFailure(step, "answer without a state", answer.describe());
        }
        if (task.state().equals("FAILURE")) {
            return new JourneyFailure(step, "task FAILURE", "task " + taskId + " failed: " + task.outputText());
        }
        return new JourneyFailure(step, "task " + task.state(), "task " + taskId + " " + task.state().toLowerCase(Locale.ROOT));
    }

    /** Assign answered 429 or 503 on its last attempt. */
    public static JourneyFailure retriesSpent(RejectedAnswer answer, int attempts) {
        return new JourneyFailure(JourneyStep.ASSIGN, "status " + answer.status() + " after " + attempts + " attempts",
                answer.describe());
    }

    /** Assign was not accepted before its loop's time guard. */
    public static JourneyFailure assignTimedOut(int attempts) {
        return new JourneyFailure(JourneyStep.ASSIGN, "no task after " + attempts + " attempts",
                "assign not accepted within its time guard");
    }

    /** {@code /host_service} did not name the host within the poll budget. */
    public static JourneyFailure hostBudgetSpent(int polls, PollBudget budget) {
        return new JourneyFailure(JourneyStep.HOST_WAIT, "budget exhausted", "no host after " + polls + " polls (" + budget + ")");
    }

    /** The host wait's loop reached its time guard. */
    public static JourneyFailure hostTimedOut(int polls) {
        return new JourneyFailure(JourneyStep.HOST_WAIT, "budget exhausted",
                "no host within " + polls + " polls and the host wait's time guard");
    }

    /** The task was not final within the poll budget. */
    public static JourneyFailure taskBudgetSpent(String taskId, String state, int polls, PollBudget budget) {
        return new JourneyFailure(JourneyStep.TASK_WAIT, "budget exhausted", "task " + taskId + " still " + state
                + " after " + polls + " polls (" + budget + ")");
    }

    /** The task wait's loop reached its time guard. */
    public static JourneyFailure taskTimedOut(String taskId, int polls) {
        return new JourneyFailure(JourneyStep.TASK_WAIT, "budget exhausted", "task " + taskId + " not final within "
                + polls + " polls and the task wait's time guard");
    }

    /** An invariant the journey's answers broke. */
    public static JourneyFailure violated(JourneyStep step, Violation violation) {
        return new JourneyFailure(step, "invariant violated: " + violation.invariant().name().toLowerCase(Locale.ROOT),
                violation.evidence());
    }

    /** More journeys than test users. */
    public static JourneyFailure noTestUser(int provisioned) {
        return new JourneyFailure(JourneyStep.ASSIGN, "no test user left", "more journeys than the " + provisioned
                + " provisioned users");
    }
}
