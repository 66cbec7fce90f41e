package co.fractal.loadtest.management;

import co.fractal.loadtest.config.HerokuSettings;
import co.fractal.loadtest.webserver.Registration;
import co.fractal.loadtest.webserver.WebserverException;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Every retry of provisioning, teardown and web-tier scaling, and the wait for a reference webserver started in
 * another process, named and configured here only (resilience4j-retry).
 * Each policy retries only what is safe to do again, and gives back the last answer or error when it stops, for
 * its caller to report. The AWS SDK keeps its own retry strategy ({@code cloud.maxAttempts}, see
 * {@code cloud.CloudClients}).
 */
public final class RetryPolicies {
    /** Attempts of a webserver call that failed without an answer worth keeping: the first and three more. */
    private static final int WEBSERVER_ATTEMPTS = 4;
    /** The wait before the n-th retry of a webserver call: n times this (200, 400, 600 ms). */
    private static final Duration WEBSERVER_STEP = Duration.ofMillis(200);
    /** The shortest wait a rate-limited registration honours, whatever Retry-After said. */
    private static final Duration SHORTEST_RATE_LIMIT_WAIT = Duration.ofMillis(100);
    /** How often a reference webserver's descriptor is looked at while waiting for it. */
    private static final Duration DESCRIPTOR_LOOK = Duration.ofMillis(100);
    /** The longest wait between two Heroku requests, however often the delay has doubled. */
    private static final Duration LONGEST_HEROKU_DELAY = Duration.ofMinutes(1);

    private RetryPolicies() {
    }

    /**
     * A registration that failed transiently (no answer, 429 or 5xx as an error): again after 200, 400 and 600 ms.
     * Registering an existing user answers "exists", so a repeat is harmless.
     */
    static Retry registrationFailure() {
        return webserverCall("registration failure", WebserverException::transientFailure);
    }

    /**
     * A registration the webserver's rate limit refused ({@link Registration.Outcome#RATE_LIMITED}): again once the
     * wait it asked for is over (at least {@link #SHORTEST_RATE_LIMIT_WAIT}), as often as it takes. The caller bounds
     * it by its patience, by throwing when the wait asked for is longer than what is left.
     */
    static Retry rateLimitedRegistration() {
        return Retry.of("rate-limited registration", RetryConfig.<Registration>custom()
                .maxAttempts(Integer.MAX_VALUE)
                .retryOnResult(registration -> registration.outcome() == Registration.Outcome.RATE_LIMITED)
                .retryOnException(error -> false)
                .intervalBiFunction((attempt, outcome) -> Math.max(
                        outcome.get().retryAfter().toMillis(), SHORTEST_RATE_LIMIT_WAIT.toMillis()))
                .build());
    }

    /**
     * A removal in teardown (cancel, release, delete) that got no answer at all: again after 200, 400 and 600 ms. At
     * thousands of removals per second the JDK client now and then sends on a pooled connection that is going away
     * and reads nothing back. Every removal is idempotent (removing what is gone answers "already gone"); an answer,
     * even an error, is never retried.
     */
    static Retry unansweredRemoval() {
        return webserverCall("unanswered removal", error -> error.status() == 0);
    }

    /**
     * A Heroku Platform API answer 429: again after {@code heroku.retryDelay}, doubling with each further retry (at
     * most a minute), up to {@code heroku.maxAttempts} requests in all; then the last answer is the caller's.
     */
    public static Retry herokuRateLimit(HerokuSettings settings) {
        long first = settings.retryDelay().toMillis();
        return Retry.of("heroku rate limit", RetryConfig.<HttpResponse<?>>custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnResult(response -> response.statusCode() == 429)
                .retryOnException(error -> false)
                .intervalFunction(attempt -> Math.min(first << Math.min(attempt - 1, 16), LONGEST_HEROKU_DELAY.toMillis()))
                .build());
    }

    /**
     * Waiting for a reference webserver started in another process: its descriptor file is looked at every 100 ms
     * until a look finds it describing a server that answers ({@code notYet} false), or the patience is spent; then
     * the last look is the caller's.
     */
    static <T> Retry descriptorWait(Duration patience, Predicate<T> notYet) {
        long deadline = System.nanoTime() + patience.toNanos();
        return Retry.of("descriptor wait", RetryConfig.<T>custom()
                .maxAttempts(Integer.MAX_VALUE)
                .retryOnResult(look -> notYet.test(look) && System.nanoTime() - deadline < 0)
                .retryOnException(error -> false)
                .waitDuration(DESCRIPTOR_LOOK)
                .build());
    }

    private static Retry webserverCall(String name, Predicate<WebserverException> retried) {
        return Retry.of(name, RetryConfig.custom()
                .maxAttempts(WEBSERVER_ATTEMPTS)
                .retryOnException(error -> error instanceof WebserverException e && retried.test(e))
                .intervalFunction(attempt -> WEBSERVER_STEP.toMillis() * attempt)
                .build());
    }
}
