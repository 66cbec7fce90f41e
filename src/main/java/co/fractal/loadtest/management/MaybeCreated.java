package co.fractal.loadtest.management;

import co.fractal.loadtest.journey.FailureReasons;
import co.fractal.loadtest.results.JourneyFailure;
import co.fractal.loadtest.results.JourneyResult;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Optional;

/**
 * Something a webserver call may have created although no answer said so: the call got no answer, timed out, or was
 * answered 5xx — none of which proves that nothing was written. The manifest records it as soon as it is known and
 * teardown removes it as if it had been created: the user is deleted (which, by the webserver's API, cancels its
 * assignment and deletes its container; a 404 means it never existed, which is success) and the check after
 * teardown looks for it.
 *
 * @param kind   what the call was to create
 * @param user   the test user concerned
 * @param detail what happened, e.g. "register answered 500"
 */
public record MaybeCreated(Kind kind, String user, String detail) {

    /** What the ambiguous call was to create. */
    public enum Kind {
        /** A registration: the user may exist. */
        USER,
        /** An assign: the user may have an assignment in flight, and a container. */
        ASSIGNMENT,
        /** A release: the user's container may still exist. */
        CONTAINER;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What a journey that failed without a clear answer may have left: an assignment when it failed at assign, its
     * container when it failed at release; nothing otherwise (a task accepted, a container acquired, is known).
     */
    public static Optional<MaybeCreated> leftBy(JourneyResult result) {
        Optional<JourneyFailure> failure = result.failure().filter(FailureReasons::unclear);
        return failure.flatMap(f -> switch (f.step()) {
            case ASSIGN -> Optional.of(new MaybeCreated(Kind.ASSIGNMENT, result.journeyId(), "assign: " + f.reason()));
            case RELEASE -> Optional.of(new MaybeCreated(Kind.CONTAINER, result.journeyId(), "release: " + f.reason()));
            default -> Optional.empty();
        });
    }

    @Override
    public String toString() {
        return kind.key() + " of " + user + " (" + detail + ")";
    }
}
