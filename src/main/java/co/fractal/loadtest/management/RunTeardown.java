package co.fractal.loadtest.management;

import co.fractal.loadtest.config.RunId;
import co.fractal.loadtest.config.Secret;
import co.fractal.loadtest.journey.AcquiredContainer;
import co.fractal.loadtest.management.cloud.CloudJanitor;
import co.fractal.loadtest.management.cloud.CloudReport;
import co.fractal.loadtest.management.heroku.WebTierScaler;
import co.fractal.loadtest.results.TeardownReport;
import co.fractal.loadtest.webserver.ContainerRecord;
import co.fractal.loadtest.webserver.UserRecord;
import co.fractal.loadtest.webserver.WebserverClient;
import io.github.resilience4j.retry.Retry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Removes everything a run created, in order: cancels assignments still in flight, releases containers
 * still held, deletes the run's test users, cleans up the run's cloud resources, restores the web tier;
 * then checks that no user of the run remains and none holds a container. Every step runs whatever
 * happened to the ones before; what could not be removed is reported with its id. Running it twice is
 * harmless: the second time everything is already gone.
 */
public final class RunTeardown {
    private final WebserverClient webserver;
    private final Secret admin;
    private final Supplier<CloudJanitor> cloud;
    private final Supplier<Optional<WebTierScaler>> webTier;
    private final int concurrency;
    private final Consumer<String> out;
    private final Retry unanswered = RetryPolicies.unansweredRemoval();

    /**
     * @param cloud   opens the cloud janitor (when it is called: a failure to connect is a reported failure)
     * @param webTier the web tier scaler, when the run scales one
     */
    public RunTeardown(WebserverClient webserver, Secret admin, Supplier<CloudJanitor> cloud,
                       Supplier<Optional<WebTierScaler>> webTier, int concurrency, Consumer<String> out) {
        this.webserver = webserver;
        this.admin = admin;
        this.cloud = cloud;
        this.webTier = webTier;
        this.concurrency = concurrency;
        this.out = out;
    }

    /** Tears down the run a manifest describes, using what the ledger says is still held. */
    public Outcome tearDown(RunManifest manifest, RunLedger ledger) {
        Map<String, Integer> deleted = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();

        cancel(ledger.tasksInFlight(), deleted, failures);
        release(ledger.heldContainers(), deleted, failures);
        deleteUsers(runUsers(manifest), deleted, failures);
        List<String> cloudCleaned = cleanCloud(manifest, deleted, failures, warnings);
        restoreWebTier(manifest, failures);
        List<String> leftovers = new ArrayList<>();
        boolean verified = verify(manifest.usersToRemove(), leftovers, warnings);

        out.accept("teardown of run " + manifest.runId() + ": " + (deleted.isEmpty() ? "nothing to delete" : deleted)
                + (manifest.maybeCreated().isEmpty() ? "" : " (" + manifest.maybeCreated().size()
                + " call(s) without a clear answer included)")
                + (failures.isEmpty() ? "" : ", " + failures.size() + " failure(s)")
                + (leftovers.isEmpty() ? "" : ", " + leftovers.size() + " leftover(s)"));
        return new Outcome(new TeardownReport(Map.copyOf(deleted), List.copyOf(failures), List.copyOf(leftovers),
                List.copyOf(warnings), verified), cloudCleaned);
    }

    /**
     * A teardown's report, with the cloud resources it removed (for the manifest).
     *
     * @param report       what was deleted, what failed, what is left
     * @param cloudCleaned cloud resources removed
     */
    public record Outcome(TeardownReport report, List<String> cloudCleaned) {
    }

    private void cancel(Map<String, String> tasks, Map<String, Integer> deleted, List<String> failures) {
        int cancelled = forEach("assignments", new ArrayList<>(tasks.keySet()), failures,
                user -> {
                    webserver.cancel(admin, user, tasks.get(user));
                    return true;
                });
        count(deleted, "assignments", cancelled);
    }

    private void release(List<AcquiredContainer> containers, Map<String, Integer> deleted, List<String> failures) {
        int released = forEach("containers", containers, failures,
                container -> webserver.deleteContainer(container.containerId(), container.secretKey()));
        count(deleted, "containers", released);
    }

    private void deleteUsers(List<String> users, Map<String, Integer> deleted, List<String> failures) {
        int removed = forEach("test users", users, failures, user -> webserver.deleteAccount(admin, user));
        count(deleted, "users", removed);
    }

    private List<String> cleanCloud(RunManifest manifest, Map<String, Integer> deleted, List<String> failures,
                                    List<String> warnings) {
        try (CloudJanitor janitor = cloud.get()) {
            RunId run = new RunId(manifest.runId());
            CloudReport report = manifest.oneOfSeveralShards() ? janitor.cleanUpUsers(run, manifest.users())
                    : janitor.cleanUp(run, manifest.users());
            if (manifest.oneOfSeveralShards()) {
                out.accept("shard " + manifest.shard() + ": cloud resources tagged with run " + run + " are shared by"
                        + " its shards and left to the run's teardown (manage teardown --run " + run + ")");
            }
            count(deleted, "cloud resources", report.deleted().size());
            failures.addAll(report.failures());
            warnings.addAll(report.warnings());
            return report.deleted();
        } catch (RuntimeException e) {
            failures.add("cloud cleanup: " + e.getMessage());
            return List.of();
        }
    }

    // the manifest's users (those calls without a clear answer may have made too), and any user named for the run
    // that provisioning made before the manifest said so (of a shard's slice only: the run's other users belong to
    // its other shards, which may still be running)
    private List<String> runUsers(RunManifest manifest) {
        Set<String> users = new java.util.LinkedHashSet<>(manifest.usersToRemove());
        try {
            webserver.users(admin, LoadTestUsers.runPrefix(new RunId(manifest.runId())))
                    .ifPresent(listed -> listed.stream().map(UserRecord::username)
                            .filter(user -> manifest.userSlice() == null || LoadTestUsers.indexOf(user).stream()
                                    .anyMatch(index -> manifest.userSlice().contains(index)))
                            .forEach(users::add));
        } catch (RuntimeException e) {
            out.accept("could not list the run's users (" + e.getMessage() + "): deleting those the manifest names");
        }
        return List.copyOf(users);
    }

    private void restoreWebTier(RunManifest manifest, List<String> failures) {
        if (manifest.formationBefore() == null) {
            return;
        }
        try {
            webTier.get().ifPresentOrElse(scaler -> {
                scaler.restore(manifest.formationBefore());
                out.accept("web tier restored to " + manifest.formationBefore());
            }, () -> failures.add("web tier of " + manifest.formationBefore().app() + " not restored to "
                    + manifest.formationBefore() + ": no Heroku app configured for this teardown"));
        } catch (RuntimeException e) {
            failures.add("web tier of " + manifest.formationBefore().app() + " not restored to "
                    + manifest.formationBefore() + ": " + e.getMessage());
        }
    }

    private boolean verify(List<String> users, List<String> leftovers, List<String> warnings) {
        Set<String> runUsers = new HashSet<>(users);
        try {
            Optional<List<UserRecord>> listed = webserver.users(admin, LoadTestUsers.PREFIX);
            Optional<List<ContainerRecord>> containers = webserver.containers(admin);
            if (listed.isEmpty() || containers.isEmpty()) {
                warnings.add("leftovers not checked: the webserver lacks GET /admin/users or GET /admin/containers");
                return false;
            }
            listed.get().stream().filter(user -> runUsers.contains(user.username()))
                    .forEach(user -> leftovers.add("user " + user.username() + " still exists"));
            containers.get().stream().filter(c -> c.userId() != null && runUsers.contains(c.userId()))
                    .forEach(c -> leftovers.add("container " + c.containerId() + " still held by " + c.userId()));
            return true;
        } catch (RuntimeException e) {
            warnings.add("leftovers not checked: " + e.getMessage());
            return false;
        }
    }

    private <T> int forEach(String noun, List<T> items, List<String> failures, Action<T> action) {
        if (items.isEmpty()) {
            return 0;
        }
        Progress progress = new Progress("teardown went through", noun, items.size(), out);
        AtomicInteger done = new AtomicInteger();
        List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(concurrency, items.size()));
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (T item : items) {
                tasks.add(workers.submit(() -> {
                    try {
                        if (unanswered.executeSupplier(() -> action.apply(item))) {
                            done.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        errors.add(e.getMessage());
                    }
                    progress.step();
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } catch (Exception e) {
            errors.add("teardown of " + noun + " interrupted: " + e.getMessage());
        } finally {
            workers.shutdownNow();
        }
        progress.finish(done.get() + " removed, " + (items.size() - done.get() - errors.size()) + " already gone"
                + (errors.isEmpty() ? "" : ", " + errors.size() + " failed"));
        failures.addAll(errors);
        return done.get();
    }

    private static void count(Map<String, Integer> deleted, String kind, int n) {
        if (n > 0) {
            deleted.merge(kind, n, Integer::sum);
        }
    }

    /** One removal; true when it removed something, false when it was already gone. */
    @FunctionalInterface
    private interface Action<T> {
        boolean apply(T item);
    }
}
