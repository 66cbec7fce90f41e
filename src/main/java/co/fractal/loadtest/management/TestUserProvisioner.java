package co.fractal.loadtest.management;

import co.fractal.loadtest.config.ProvisionSettings;
import co.fractal.loadtest.config.RunId;
import co.fractal.loadtest.config.Shard;
import co.fractal.loadtest.webserver.Registration;
import co.fractal.loadtest.webserver.WebserverClient;
import co.fractal.loadtest.webserver.WebserverException;
import io.github.resilience4j.retry.Retry;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Registers a run's test users, several at once but within the webserver's rate limit (a 429 makes every
 * worker wait as long as the webserver asked), reusing users that already exist. Prints progress. When a
 * registration fails for good it stops, lets the registrations in flight finish, and reports the users created so
 * far and those it may have created, so the caller can remove them all.
 * <p>
 * A registration that got no answer, timed out or was answered 5xx may have been written: when it is retried and the
 * webserver then says the user exists, the user counts as created by this run (not reused); when it fails for good,
 * the user is reported as maybe created.
 */
public final class TestUserProvisioner {
    private final WebserverClient webserver;
    private final ProvisionSettings settings;
    private final Consumer<String> out;
    private final Duration rateLimitPatience;
    private final Retry rateLimited = RetryPolicies.rateLimitedRegistration();
    private final Retry transientFailures = RetryPolicies.registrationFailure();

    /**
     * @param rateLimitPatience how long one registration may keep being refused by the rate limit
     */
    public TestUserProvisioner(WebserverClient webserver, ProvisionSettings settings, Duration rateLimitPatience,
                               Consumer<String> out) {
        this.webserver = webserver;
        this.settings = settings;
        this.rateLimitPatience = rateLimitPatience;
        this.out = out;
    }

    /** Registers users 0..count-1 of the run. */
    public ProvisionedUsers provision(RunId runId, int count) {
        return provision(runId, new Shard.Slice(0, count));
    }

    /** Registers the run's users of a slice (a shard's): users first..first+size-1, named by their index in the run. */
    public ProvisionedUsers provision(RunId runId, Shard.Slice slice) {
        int count = slice.size();
        List<String> names = new ArrayList<>(count);
        for (int k = slice.first(); k < slice.first() + count; k++) {
            names.add(LoadTestUsers.name(settings.naming(), runId, k));
        }
        String password = password();
        Set<String> created = ConcurrentHashMap.newKeySet();
        Set<String> reused = ConcurrentHashMap.newKeySet();
        Map<String, String> unclear = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        RateLimitGate gate = new RateLimitGate();
        Progress progress = new Progress("provisioned", "test users", count, out);
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(settings.concurrency(), count));
        try {
            List<Future<?>> tasks = new ArrayList<>(count);
            for (String name : names) {
                tasks.add(workers.submit(() -> {
                    if (stop.get()) {
                        return null;
                    }
                    try {
                        Registration.Outcome outcome = register(name, password, gate, progress, unclear);
                        boolean mayBeOurs = unclear.remove(name) != null;
                        if (outcome == Registration.Outcome.CREATED || mayBeOurs) {
                            created.add(name);
                        } else {
                            reused.add(name);
                        }
                        progress.step();
                        return null;
                    } catch (RuntimeException e) {
                        stop.set(true);
                        throw e;
                    }
                }));
            }
            Throwable failure = null;
            // every registration in flight ends before the outcome is told: one that succeeds beside a failing one
            // must be counted, or nothing would remove it
            for (Future<?> task : tasks) {
                try {
                    task.get();
                } catch (ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                }
            }
            if (failure != null) {
                throw new ProvisioningException("provisioning stopped: " + failure.getMessage(), new ArrayList<>(created),
                        maybeCreated(unclear), failure);
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            awaitWorkers(workers);
            Thread.currentThread().interrupt();
            throw new ProvisioningException("provisioning interrupted", new ArrayList<>(created), maybeCreated(unclear), e);
        } finally {
            workers.shutdownNow();
        }
        progress.finish(reused.isEmpty() ? "" : reused.size() + " reused");
        List<String> reusedInOrder = new ArrayList<>(names);
        reusedInOrder.retainAll(reused);
        return new ProvisionedUsers(Collections.unmodifiableList(names), List.copyOf(reusedInOrder));
    }

    private static List<MaybeCreated> maybeCreated(Map<String, String> unclear) {
        return unclear.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> new MaybeCreated(MaybeCreated.Kind.USER, entry.getKey(), entry.getValue())).toList();
    }

    private static void awaitWorkers(ExecutorService workers) {
        try {
            workers.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException again) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Registers one user, retried as {@link RetryPolicies#rateLimitedRegistration} and
     * {@link RetryPolicies#registrationFailure} say, until the rate limit asks for a wait past the patience. An attempt
     * without a clear answer (none, a timeout, a 5xx) leaves the user in {@code unclear}, with what happened.
     */
    private Registration.Outcome register(String name, String password, RateLimitGate gate, Progress progress,
                                          Map<String, String> unclear) {
        long deadline = System.nanoTime() + rateLimitPatience.toNanos();
        Supplier<Registration> attempt = Retry.decorateSupplier(transientFailures, () -> {
            gate.await();
            try {
                return webserver.register(name, password);
            } catch (WebserverException e) {
                if (e.status() == 0 || e.status() >= 500) {
                    unclear.put(name, e.status() == 0 ? "register got no answer" : "register answered " + e.status());
                }
                throw e;
            }
        });
        return rateLimited.executeSupplier(() -> {
            Registration registration = attempt.get();
            if (registration.outcome() == Registration.Outcome.RATE_LIMITED) {
                if (registration.retryAfter().toNanos() > deadline - System.nanoTime()) {
                    throw new WebserverException("register " + name + ": rate-limited by the webserver, which asks to wait "
                            + registration.retryAfter().toSeconds() + " s, past the " + rateLimitPatience.toSeconds()
                            + " s provisioning may take (maxDuration); provision fewer users or reuse them (-Dusers.naming=fixed)", 429);
                }
                if (gate.close(registration.retryAfter())) {
                    progress.waiting("rate-limited by the webserver: waiting " + registration.retryAfter().toSeconds() + " s");
                }
            }
            return registration;
        }).outcome();
    }

    private static String password() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Holds every worker back until the wait a 429 asked for is over. */
    private static final class RateLimitGate {
        private volatile long openAt;

        void await() {
            long wait = openAt - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(Duration.ofNanos(wait).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new WebserverException("interrupted while waiting for the rate limit", e);
                }
            }
        }

        /** Closes the gate for a while; true when this call moved the reopening later (worth a progress line). */
        synchronized boolean close(Duration retryAfter) {
            long until = System.nanoTime() + Math.max(retryAfter.toNanos(), Duration.ofMillis(100).toNanos());
            if (until > openAt + Duration.ofMillis(500).toNanos()) {
                openAt = until;
                return true;
            }
            return false;
        }
    }
}
