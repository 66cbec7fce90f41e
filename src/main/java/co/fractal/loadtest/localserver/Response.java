package co.fractal.loadtest.localserver;

import co.fractal.loadtest.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * An answer to send: status, JSON body and, for 429 and 503, the seconds to put in {@code Retry-After}.
 *
 * @param status     the status
 * @param json       the body, a JSON document
 * @param retryAfter seconds for {@code Retry-After}; 0 for no such header
 */
record Response(HttpResponseStatus status, String json, int retryAfter) {
    static final HttpResponseStatus PAYMENT_REQUIRED = HttpResponseStatus.PAYMENT_REQUIRED;
    static final HttpResponseStatus TOO_MANY_REQUESTS = HttpResponseStatus.TOO_MANY_REQUESTS;
    /** The 2021 webserver's own status for maintenance mode. */
    static final HttpResponseStatus MAINTENANCE = new HttpResponseStatus(512, "Maintenance");

    /** A 200 whose body is rendered now. */
    static Response ok(Object body) {
        return of(HttpResponseStatus.OK, body);
    }

    /** An answer whose body is rendered now. */
    static Response of(HttpResponseStatus status, Object body) {
        return new Response(status, render(body), 0);
    }

    /** A 200 whose body was rendered before (a constant, or a snapshot published for lock-free reads). */
    static Response rendered(String json) {
        return new Response(HttpResponseStatus.OK, json, 0);
    }

    /** A body (one of {@link AnswerBodies}) as JSON, by the process's one mapper. */
    static String render(Object body) {
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
