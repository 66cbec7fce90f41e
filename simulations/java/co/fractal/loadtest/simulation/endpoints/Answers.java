package co.fractal.loadtest.simulation.endpoints;

import co.fractal.loadtest.results.Excerpt;
import io.gatling.http.response.Response;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Session;

import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.EXCERPT;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.STATUS;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.http.HttpDsl.status;

/** What every journey request checks first: its status, kept for the step, and what a surprising answer said. */
final class Answers {
    /** Any 2xx. */
    static final List<Integer> SUCCESSFUL = IntStream.range(200, 300).boxed().toList();
    private static final int EXCERPT_LENGTH = 200;

    private Answers() {
    }

    /** Saves the status, whatever it is. */
    static CheckBuilder statusKept() {
        return status().saveAs(STATUS);
    }

    /** True for an answer whose status is not the one that moves the journey on. */
    static BiFunction<Response, Session, Boolean> statusOtherThan(int expected) {
        return (response, session) -> response.status().code() != expected;
    }

    /** True for an answer with this status. */
    static BiFunction<Response, Session, Boolean> statusOf(int code) {
        return (response, session) -> response.status().code() == code;
    }

    /** Saves the body on one line, cut to {@value #EXCERPT_LENGTH} characters. */
    static CheckBuilder excerptKept() {
        return bodyString().transform(body -> Excerpt.of(body, EXCERPT_LENGTH)).saveAs(EXCERPT);
    }
}
