package co.fractal.loadtest.journey;

import co.fractal.loadtest.webserver.Answer;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The states one task has shown, checked as they arrive: a task's status never goes backwards, a pending
 * state never carries a finished result, and a SUCCESS output is a complete container row that matches
 * what {@code /host_service} said. Each breach is returned as evidence for the MONOTONIC_STATUS invariant.
 */
final class TaskProgress {
    private final String taskId;
    private final String username;
    private final HostAssignment host;
    private String lastState;
    private int lastRank = -1;
    private String successContainer;

    TaskProgress(String taskId, String username, HostAssignment host) {
        this.taskId = taskId;
        this.username = username;
        this.host = host;
    }

    /** Whether a state ends the task. */
    static boolean isFinal(String state) {
        return rank(state) == FINAL;
    }

    /** Checks the next answer; evidence of a breach, or empty. */
    Optional<String> observe(String state, JsonNode output) {
        int rank = rank(state);
        String previous = lastState;
        lastState = state;
        if (previous != null && (rank < lastRank || (lastRank == FINAL && !state.equals(previous)))) {
            return breach("went from " + previous + " back to " + state);
        }
        lastRank = rank;
        if (rank < FINAL && ContainerRow.missingFields(output).isEmpty()) {
            return breach("read " + state + " with a finished result (container " + Answer.text(output, "container_id") + ")");
        }
        if (!state.equals("SUCCESS")) {
            return Optional.empty();
        }
        return successBreach(output);
    }

    private Optional<String> successBreach(JsonNode output) {
        List<String> missing = ContainerRow.missingFields(output);
        if (!missing.isEmpty()) {
            return breach("read SUCCESS with an incomplete output, missing " + String.join(", ", missing));
        }
        ContainerRow row = ContainerRow.of(output);
        if (successContainer != null && !successContainer.equals(row.containerId())) {
            return breach("read SUCCESS with container " + successContainer + ", then with " + row.containerId());
        }
        successContainer = row.containerId();
        if (host != null && !row.hostAndPort().equals(host.hostAndPort())) {
            return breach("read SUCCESS with container " + row.containerId() + " at " + row.hostAndPort()
                    + ", but /host_service gave " + host.hostAndPort());
        }
        if (row.userId() != null && !row.userId().equals(username)) {
            return breach("read SUCCESS with container " + row.containerId() + " of user " + row.userId());
        }
        return Optional.empty();
    }

    private Optional<String> breach(String what) {
        return Optional.of("task " + taskId + " of " + username + " " + what);
    }

    private static final int FINAL = 2;

    private static int rank(String state) {
        return switch (state.toUpperCase(Locale.ROOT)) {
            case "PENDING", "RECEIVED" -> 0;
            case "SUCCESS", "FAILURE", "CANCELLED", "REVOKED" -> FINAL;
            default -> 1;
        };
    }
}
