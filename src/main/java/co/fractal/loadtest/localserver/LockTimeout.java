package co.fractal.loadtest.localserver;

import java.time.Duration;

/**
 * The 2021 webserver's row-lock discipline ({@code SELECT … FOR UPDATE} under a 30 s lock timeout), scaled
 * down for the lock-timeout faults: a transaction holds a row lock for {@link #HOLD}, and a transaction
 * waiting for it gives up after {@link #PATIENCE}. The pool claim and the pings of a cluster's containers
 * follow it alike.
 */
final class LockTimeout {
    /** How long one transaction holds a row lock. */
    static final Duration HOLD = Duration.ofMillis(200);
    /** How long a transaction waits for a row lock before it times out (the 2021 lock timeout, scaled down). */
    static final Duration PATIENCE = Duration.ofMillis(50);

    private LockTimeout() {
    }
}
