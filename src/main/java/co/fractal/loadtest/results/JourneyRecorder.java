package co.fractal.loadtest.results;

import java.time.Instant;
import java.util.Optional;

/**
 * Collects every journey's outcome while the load runs, from many threads at once: counts, latency
 * histograms, failure reasons, requests by endpoint and status, and the invariants that can be checked
 * live (container exclusivity, journey accounting). Memory stays constant per journey.
 */
public final class JourneyRecorder {

    /** A journey began. */
    public void started(String journeyId) {
        throw new UnsupportedOperationException("journey recorder not built yet");
    }

    /** A journey ended; a violation when it was not open (never started, or finished twice). */
    public Optional<Violation> finished(JourneyResult result) {
        throw new UnsupportedOperationException();
    }

    /** A journey's task reached SUCCESS with this container; a violation when another journey holds it. */
    public Optional<Violation> acquired(String journeyId, String containerId, String hostAndPort) {
        throw new UnsupportedOperationException();
    }

    /** A journey released its container. */
    public void released(String journeyId, String containerId, String hostAndPort) {
        throw new UnsupportedOperationException();
    }

    /** A violation seen elsewhere (e.g. a task status going backwards). */
    public void violated(Violation violation) {
        throw new UnsupportedOperationException();
    }

    /** One HTTP answer, by endpoint name; status 0 when no answer came (transport error). */
    public void request(String endpoint, int status) {
        throw new UnsupportedOperationException();
    }

    /** Everything recorded so far; journeys still open count as vanished unless the run was cut short. */
    public RunResults results(Instant endedAt, boolean cutShort) {
        throw new UnsupportedOperationException();
    }
}
