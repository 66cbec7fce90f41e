package co.fractal.loadtest.management;

import co.fractal.loadtest.journey.AcquiredContainer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the run's journeys hold on the webserver right now: assignments still in flight and containers
 * not released. Teardown cancels and releases what is left. Its size follows the journeys in flight.
 */
public final class RunLedger {
    private final Map<String, String> tasksByUser = new ConcurrentHashMap<>();
    private final Map<String, AcquiredContainer> containersById = new ConcurrentHashMap<>();

    /** A user's assignment was accepted. */
    public void taskAccepted(String username, String taskId) {
        tasksByUser.put(username, taskId);
    }

    /** A user's assignment reached a final state: nothing to cancel any more. */
    public void taskSettled(String username) {
        tasksByUser.remove(username);
    }

    /** A container was handed to a journey. */
    public void acquired(AcquiredContainer container) {
        containersById.put(container.containerId(), container);
    }

    /** A journey released its container. */
    public void released(AcquiredContainer container) {
        containersById.remove(container.containerId());
    }

    /** Assignments still in flight, by user. */
    public Map<String, String> tasksInFlight() {
        return Map.copyOf(tasksByUser);
    }

    /** Containers not released. */
    public List<AcquiredContainer> heldContainers() {
        return List.copyOf(containersById.values());
    }
}
