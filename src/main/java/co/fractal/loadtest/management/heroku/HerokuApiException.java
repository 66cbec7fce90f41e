package co.fractal.loadtest.management.heroku;

/**
 * A Platform API request that did not succeed. The message names the app, the request and the status,
 * never the API key.
 */
public final class HerokuApiException extends RuntimeException {
    private final int status;

    HerokuApiException(String message, int status) {
        super(message);
        this.status = status;
    }

    HerokuApiException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status Heroku answered, or 0 when no answer came. */
    public int status() {
        return status;
    }
}
