package co.fractal.loadtest.journey;

import java.util.List;
import java.util.Optional;

/**
 * The MONOTONIC_STATUS rule for one task, judged read by read: a task's status never goes backwards, a
 * final state never changes, a waiting or running state never carries a finished result, and a SUCCESS
 * output is a complete container row that matches what {@code /host_service} said, for this user.
 *
 * @param taskId   the task's id
 * @param username the user it assigns a container to
 * @param host     what {@code /host_service} gave the user (null if unknown)
 */
public record TaskProgress(String taskId, String username, HostAssignment host) {

    /**
     * Evidence of a breach shown by {@code read}, the task's read after {@code previous} (null for its first
     * read), or empty when the read is consistent.
     */
    public Optional<String> breach(TaskRead previous, TaskRead read) {
        if (previous != null && (read.rank() < previous.rank() || (previous.isFinal() && !read.state().equals(previous.state())))) {
            return breach("went from " + previous.state() + " back to " + read.state());
        }
        if (!read.isFinal() && read.carriesContainer()) {
            return breach("read " + read.state() + " with a finished result (container " + read.container().containerId() + ")");
        }
        return read.isSuccess() ? successBreach(previous, read) : Optional.empty();
    }

    private Optional<String> successBreach(TaskRead previous, TaskRead read) {
        List<String> missing = AcquiredContainer.missingFields(read.output());
        if (!missing.isEmpty()) {
            return breach("read SUCCESS with an incomplete output, missing " + String.join(", ", missing));
        }
        AcquiredContainer container = read.container();
        if (previous != null && previous.isSuccess() && !previous.container().containerId().equals(container.containerId())) {
            return breach("read SUCCESS with container " + previous.container().containerId() + ", then with "
                    + container.containerId());
        }
        if (host != null && !container.hostAndPort().equals(host.hostAndPort())) {
            return breach("read SUCCESS with container " + container.containerId() + " at " + container.hostAndPort()
                    + ", but /host_service gave " + host.hostAndPort());
        }
        if (container.userId() != null && !container.userId().equals(username)) {
            return breach("read SUCCESS with container " + container.containerId() + " of user " + container.userId());
        }
        return Optional.empty();
    }

    private Optional<String> breach(String what) {
        return Optional.of("task " + taskId + " of " + username + " " + what);
    }
}
