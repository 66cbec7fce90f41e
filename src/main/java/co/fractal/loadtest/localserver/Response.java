package co.fractal.loadtest.localserver;

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

    static Response ok(String json) {
        return new Response(HttpResponseStatus.OK, json, 0);
    }

    static Response ok(JsonText json) {
        return ok(json.toString());
    }
}
