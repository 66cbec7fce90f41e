package co.fractal.loadtest.management;

import co.fractal.loadtest.config.RunId;
import co.fractal.loadtest.management.cloud.CloudJanitor;
import co.fractal.loadtest.management.cloud.CloudReport;
import co.fractal.loadtest.results.TeardownReport;
import co.fractal.loadtest.webserver.ContainerRecord;
import co.fractal.loadtest.webserver.UserRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Removes what killed runs left behind. First the runs of this target left behind, whatever their age: a run in
 * {@code results.dir} that is not torn down and whose owner process (of this host) is gone is torn down as its
 * manifest says — users, containers, cloud resources, web tier — finishing a teardown cut short too. Then, with an
 * age limit, what no manifest here names: load-test users older than the limit whose run is not live (which frees
 * the containers they hold), and the tagged cloud resources of such runs. A run is live while its manifest's owner
 * process is alive on this host; older than the limit means older than any run can last when the limit exceeds the
 * runs' maximum duration.
 */
public final class Sweeper {
    private final ConnectedTarget target;
    private final RunFiles files;
    private final Supplier<CloudJanitor> cloud;
    private final Function<RunManifest, TeardownReport> teardown;
    private final Consumer<String> out;

    /**
     * @param teardown tears down a run left behind, as {@code manage teardown --run} does
     */
    public Sweeper(ConnectedTarget target, RunFiles files, Supplier<CloudJanitor> cloud,
                   Function<RunManifest, TeardownReport> teardown, Consumer<String> out) {
        this.target = target;
        this.files = files;
        this.cloud = cloud;
        this.teardown = teardown;
        this.out = out;
    }

    /**
     * Tears down the runs of this target left behind, then, with an age limit, sweeps leftovers born before
     * {@code now - olderThan}; a dry run only lists them.
     */
    public SweepReport sweep(Optional<Duration> olderThan, boolean dryRun, Instant now) {
        List<String> found = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int runs = sweepRunsLeftBehind(dryRun, found, deleted, failures);
        if (olderThan.isPresent()) {
            sweepOlderThan(olderThan.get(), dryRun, now, found, deleted, failures, warnings);
        }
        out.accept((dryRun ? "sweep (dry run): " : "sweep: ") + runs + " run(s) left behind"
                + olderThan.map(age -> ", " + (found.size() - runs) + " leftover(s) older than "
                + co.fractal.loadtest.config.Durations.describe(age)).orElse("") + " found, " + deleted.size() + " removed"
                + (failures.isEmpty() ? "" : ", " + failures.size() + " failure(s)"));
        return new SweepReport(List.copyOf(found), List.copyOf(deleted), List.copyOf(failures), List.copyOf(warnings));
    }

    // every run of this target whose owner is gone and that is not torn down: torn down now
    private int sweepRunsLeftBehind(boolean dryRun, List<String> found, List<String> deleted, List<String> failures) {
        String host = LoadTestRun.thisHost();
        String url = target.target().url().toString();
        int runs = 0;
        for (RunManifest manifest : files.manifests()) {
            if (!manifest.orphaned(host) || !url.equals(manifest.targetUrl())) {
                continue;
            }
            runs++;
            found.add("run " + manifest.runId() + " (" + manifest.state() + ", " + manifest.usersToRemove().size()
                    + " users; its process " + manifest.ownerPid() + " is gone)");
            if (!dryRun) {
                TeardownReport report = teardown.apply(manifest);
                if (report.clean()) {
                    deleted.add("run " + manifest.runId() + ": " + report.deleted());
                } else {
                    report.failures().forEach(failure -> failures.add("run " + manifest.runId() + ": " + failure));
                    report.leftovers().forEach(left -> failures.add("run " + manifest.runId() + " left " + left));
                }
            }
        }
        return runs;
    }

    private void sweepOlderThan(Duration olderThan, boolean dryRun, Instant now, List<String> found, List<String> deleted,
                                List<String> failures, List<String> warnings) {
        Instant before = now.minus(olderThan);
        Set<String> live = liveRuns();

        List<UserRecord> stale = staleUsers(before, live, warnings);
        Set<String> staleNames = new HashSet<>();
        for (UserRecord user : stale) {
            staleNames.add(user.username());
            found.add("user " + user.username() + (user.containerId() == null ? "" : " holding container " + user.containerId()));
        }
        orphanContainers(staleNames, found, warnings);
        if (!dryRun) {
            for (UserRecord user : stale) {
                try {
                    target.webserver().deleteAccount(target.adminToken(), user.username());
                    deleted.add("user " + user.username());
                } catch (RuntimeException e) {
                    failures.add("user " + user.username() + ": " + e.getMessage());
                }
            }
        }
        try (CloudJanitor janitor = cloud.get()) {
            CloudReport report = janitor.sweep(before, runId -> live.contains(runId.value()), dryRun);
            found.addAll(report.found());
            deleted.addAll(report.deleted());
            failures.addAll(report.failures());
            warnings.addAll(report.warnings());
        } catch (RuntimeException e) {
            failures.add("cloud sweep: " + e.getMessage());
        }
    }

    /** Load-test users on the target, with whether their run is live; empty when the target cannot list users. */
    public Optional<List<UserRecord>> loadTestUsers() {
        return target.webserver().users(target.adminToken(), LoadTestUsers.PREFIX)
                .map(users -> users.stream().filter(user -> LoadTestUsers.isLoadTestUser(user.username())).toList());
    }

    /** Run ids whose owner process is alive on this host. */
    public Set<String> liveRuns() {
        Set<String> live = new HashSet<>();
        String host = LoadTestRun.thisHost();
        for (RunManifest manifest : files.manifests()) {
            if (manifest.live(host)) {
                live.add(manifest.runId());
            }
        }
        return live;
    }

    private List<UserRecord> staleUsers(Instant before, Set<String> live, List<String> warnings) {
        Optional<List<UserRecord>> users = loadTestUsers();
        if (users.isEmpty()) {
            warnings.add("load-test users not swept: the webserver lacks GET /admin/users");
            return List.of();
        }
        List<UserRecord> stale = new ArrayList<>();
        for (UserRecord user : users.get()) {
            boolean runLive = LoadTestUsers.runOf(user.username()).map(RunId::value).map(live::contains).orElse(false);
            Optional<Instant> born = LoadTestUsers.bornAt(user);
            if (!runLive && born.isPresent() && born.get().isBefore(before)) {
                stale.add(user);
            }
        }
        return stale;
    }

    // containers held by load-test users that no longer exist: nothing can release them but the webserver
    private void orphanContainers(Set<String> staleNames, List<String> found, List<String> warnings) {
        Optional<List<UserRecord>> users = loadTestUsers();
        Optional<List<ContainerRecord>> containers = target.webserver().containers(target.adminToken());
        if (users.isEmpty() || containers.isEmpty()) {
            return;
        }
        Set<String> existing = new HashSet<>();
        users.get().forEach(user -> existing.add(user.username()));
        for (ContainerRecord container : containers.get()) {
            if (LoadTestUsers.isLoadTestUser(container.userId()) && !existing.contains(container.userId())
                    && !staleNames.contains(container.userId())) {
                found.add("container " + container.containerId() + " of deleted user " + container.userId());
                warnings.add("container " + container.containerId() + " is held by deleted user " + container.userId()
                        + ": only the webserver can release it");
            }
        }
    }
}
