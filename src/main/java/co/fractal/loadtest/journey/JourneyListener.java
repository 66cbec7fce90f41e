package co.fractal.loadtest.journey;

import co.fractal.loadtest.results.Violation;

import java.util.Optional;

/** What a run does with the events of its journeys: record them, check them across users, remember what to clean up. */
public interface JourneyListener {

    /** An answer (status 0: none) from an endpoint. */
    void answered(String endpoint, int status);

    /** A task was accepted for a user; it is in flight until the journey ends. */
    void taskAccepted(String username, String taskId);

    /** A journey's task reached SUCCESS with this container; a violation if another journey holds it. */
    Optional<Violation> acquired(String username, ContainerRow container);

    /** A journey released its container. */
    void released(String username, ContainerRow container);

    /** A violation the journey saw by itself. */
    void violated(Violation violation);
}
