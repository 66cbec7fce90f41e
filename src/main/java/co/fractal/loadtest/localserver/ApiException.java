package co.fractal.loadtest.localserver;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * A request the server refuses: the status and a message saying what was wrong with which input. Thrown by
 * endpoints, answered by the dispatcher in its server's error format. Carries no stack trace: it is an
 * answer, not a fault.
 */
final class ApiException extends RuntimeException {
    private final HttpResponseStatus status;
    private final int retryAfter;

    ApiException(HttpResponseStatus status, String message) {
        this(status, message, 0);
    }

    ApiException(HttpResponseStatus status, String message, int retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    static ApiException badRequest(String message) {
        return new ApiException(HttpResponseStatus.BAD_REQUEST, message);
    }

    static ApiException unauthorized(String message) {
        return new ApiException(HttpResponseStatus.UNAUTHORIZED, message);
    }

    HttpResponseStatus status() {
        return status;
    }

    /** Seconds for {@code Retry-After}; 0 for none. */
    int retryAfter() {
        return retryAfter;
    }
}
