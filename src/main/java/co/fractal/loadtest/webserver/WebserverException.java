package co.fractal.loadtest.webserver;

/**
 * A webserver call that did not do what was asked: the message names the call, the URL's path, and the
 * status with a body excerpt (or the transport error). It never holds a credential.
 */
public final class WebserverException extends RuntimeException {
    private final int status;

    public WebserverException(String message, int status) {
        super(message);
        this.status = status;
    }

    public WebserverException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status, 0 when no answer came. */
    public int status() {
        return status;
    }

    /** True for answers worth retrying: 429, 503, 5xx, or no answer at all. */
    public boolean transientFailure() {
        return status == 0 || status == 429 || status >= 500;
    }
}
