package co.fractal.loadtest.results;

import co.fractal.loadtest.config.SessionEnding;

import java.util.Optional;

/**
 * How one held session ended.
 *
 * @param journeyId  the journey that acquired the container
 * @param ending     how the session ended
 * @param failure    why it failed; empty when it went as it should
 * @param fate       what became of its container
 * @param goneMicros from the ending's start (a silent death: its last ping) to the container being gone, in
 *                   microseconds; negative when it was not seen gone
 */
public record SessionResult(String journeyId, SessionEnding ending, Optional<SessionFailure> failure, Fate fate,
                            long goneMicros) {

    /** What became of a session's container, as the probes found it. */
    public enum Fate {
        /** A probe ping answered 404: the container is gone. */
        GONE,
        /** Still answering pings when the probes gave up: a SESSION_ENDINGS violation. */
        STILL_THERE,
        /** A silent death no assign in its region followed: the reaper had no occasion to run, nothing to judge. */
        UNJUDGED,
        /** The session failed before its container's fate could be probed. */
        UNKNOWN
    }

    public boolean succeeded() {
        return failure.isEmpty();
    }
}
