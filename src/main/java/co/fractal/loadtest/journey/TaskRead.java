package co.fractal.loadtest.journey;

import java.util.Locale;
import java.util.Map;

/**
 * One read of an assignment task's status: its state and its output (a JSON object as Java maps, a text, or
 * null), as {@code GET /status/<task id>} gave them.
 *
 * @param state  PENDING, STARTED, SUCCESS, FAILURE, CANCELLED, …
 * @param output the task's output
 */
public record TaskRead(String state, Object output) {
    private static final int FINAL = 2;

    /** True when the state ends the task: SUCCESS, FAILURE, CANCELLED or REVOKED. */
    public boolean isFinal() {
        return rank() == FINAL;
    }

    public boolean isSuccess() {
        return "SUCCESS".equals(state);
    }

    /** Where the state stands in a task's life: waiting (0), running (1), final (2). */
    int rank() {
        return switch (state.toUpperCase(Locale.ROOT)) {
            case "PENDING", "RECEIVED" -> 0;
            case "SUCCESS", "FAILURE", "CANCELLED", "REVOKED" -> FINAL;
            default -> 1;
        };
    }

    /** True when the output is a complete container row. */
    boolean carriesContainer() {
        return AcquiredContainer.missingFields(output).isEmpty();
    }

    /** The container of a complete output. */
    AcquiredContainer container() {
        return AcquiredContainer.of((Map<?, ?>) output);
    }

    /** The output as one line of text, for a failure's detail. */
    public String outputText() {
        return output == null ? "null" : output.toString();
    }
}
