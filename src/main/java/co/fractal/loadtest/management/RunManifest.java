package co.fractal.loadtest.management;

import co.fractal.loadtest.config.Shard;
import co.fractal.loadtest.management.heroku.Formation;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a run created and where, written to {@code <results.dir>/<run id>/manifest.json} as soon as it
 * exists and updated as the run goes. Teardown and sweep delete only what a manifest (or the run's tag)
 * names. It holds no secret.
 *
 * @param runId            the run id
 * @param target           the target's name
 * @param targetUrl        the webserver's base URL
 * @param hostServicePort  the host service port the journeys use
 * @param profile          the load profile
 * @param users            every test user of the run, in journey order
 * @param reusedUsers      those of them that already existed
 * @param formationBefore  the web tier's formation before the run scaled it, or null
 * @param formationDuring  the formation the run scaled it to, or null
 * @param cloudTag         the tag (key=value) the run's cloud resources carry
 * @param cloudCleaned     cloud resources teardown removed
 * @param serverDescriptor the descriptor of the reference webserver the Maven lifecycle started, or null
 * @param ownerPid         the process running the load (after an adoption, the adopting one)
 * @param ownerHost        the host it runs on
 * @param createdAt        when provisioning began
 * @param state            provisioning, provisioned, tearing-down, torn-down or teardown-failed
 * @param tornDownAt       when teardown last ran, or null
 * @param shard            the shard of a run spread over several load generators ("1/3"), or null for a whole run
 * @param userSlice        a shard's slice of the run's users (the only ones its teardown may delete), or null
 * @param maybeCreated     what calls without a clear answer may have created: removed at teardown like the rest
 * @param ownerStartedAt   when the owner process started (tells it from a later process given the same pid), or null
 */
public record RunManifest(String runId, String target, String targetUrl, int hostServicePort, String profile,
                          List<String> users, List<String> reusedUsers, Formation formationBefore,
                          Formation formationDuring, String cloudTag, List<String> cloudCleaned, String serverDescriptor,
                          long ownerPid, String ownerHost, Instant createdAt, String state, Instant tornDownAt,
                          String shard, Shard.Slice userSlice, List<MaybeCreated> maybeCreated, Instant ownerStartedAt) {

    public static final String PROVISIONING = "provisioning";
    public static final String PROVISIONED = "provisioned";
    public static final String TEARING_DOWN = "tearing-down";
    public static final String TORN_DOWN = "torn-down";
    public static final String TEARDOWN_FAILED = "teardown-failed";
    /** How far apart two readings of one process's start time may be. */
    private static final Duration SAME_START = Duration.ofSeconds(1);

    public RunManifest {
        users = users == null ? List.of() : List.copyOf(users);
        reusedUsers = reusedUsers == null ? List.of() : List.copyOf(reusedUsers);
        cloudCleaned = cloudCleaned == null ? List.of() : List.copyOf(cloudCleaned);
        maybeCreated = maybeCreated == null ? List.of() : List.copyOf(maybeCreated);
    }

    /** The manifest of a run about to be provisioned on a connected target. */
    public static RunManifest begin(co.fractal.loadtest.config.RunConfig config, ConnectedTarget target,
                                    String serverDescriptor) {
        return new RunManifest(config.runId().value(), config.target().name(), target.target().url().toString(),
                target.hostServicePort(), config.load().profile().id(), List.of(), List.of(), null, null,
                config.cloud().tagKey() + "=" + config.runId(), List.of(), serverDescriptor, ProcessHandle.current().pid(),
                LoadTestRun.thisHost(), Instant.now(), PROVISIONING, null,
                config.shards().shard().map(Object::toString).orElse(null),
                config.shards().sharded() ? config.shards().users() : null,
                List.of(), startOf(ProcessHandle.current()).orElse(null));
    }

    /** The same manifest in another state. */
    public RunManifest inState(String newState, Instant at) {
        boolean teardown = newState.equals(TORN_DOWN) || newState.equals(TEARDOWN_FAILED);
        return new RunManifest(runId, target, targetUrl, hostServicePort, profile, users, reusedUsers, formationBefore,
                formationDuring, cloudTag, cloudCleaned, serverDescriptor, ownerPid, ownerHost, createdAt, newState,
                teardown ? at : tornDownAt, shard, userSlice, maybeCreated, ownerStartedAt);
    }

    /** The same manifest with its users. */
    public RunManifest withUsers(List<String> all, List<String> reused) {
        return new RunManifest(runId, target, targetUrl, hostServicePort, profile, all, reused,
                formationBefore, formationDuring, cloudTag, cloudCleaned, serverDescriptor, ownerPid, ownerHost, createdAt,
                state, tornDownAt, shard, userSlice, maybeCreated, ownerStartedAt);
    }

    /** The same manifest with the web tier's formations. */
    public RunManifest withFormation(Formation before, Formation during) {
        return new RunManifest(runId, target, targetUrl, hostServicePort, profile, users, reusedUsers, before, during,
                cloudTag, cloudCleaned, serverDescriptor, ownerPid, ownerHost, createdAt, state, tornDownAt, shard, userSlice,
                maybeCreated, ownerStartedAt);
    }

    /** The same manifest with the cloud resources teardown removed. */
    public RunManifest withCloudCleaned(List<String> cleaned) {
        return new RunManifest(runId, target, targetUrl, hostServicePort, profile, users, reusedUsers, formationBefore,
                formationDuring, cloudTag, List.copyOf(cleaned), serverDescriptor, ownerPid, ownerHost, createdAt, state,
                tornDownAt, shard, userSlice, maybeCreated, ownerStartedAt);
    }

    /** True when the run is spread over several load generators and this manifest is one shard's. */
    public boolean oneOfSeveralShards() {
        return shard != null && Shard.parse(shard).map(s -> s.count() > 1).orElse(false);
    }

    /** The same manifest with more of what calls without a clear answer may have created. */
    public RunManifest withMaybeCreated(List<MaybeCreated> more) {
        return new RunManifest(runId, target, targetUrl, hostServicePort, profile, users, reusedUsers, formationBefore,
                formationDuring, cloudTag, cloudCleaned, serverDescriptor, ownerPid, ownerHost, createdAt, state, tornDownAt,
                shard, userSlice, Stream.concat(maybeCreated.stream(), more.stream()).toList(), ownerStartedAt);
    }

    /** The same manifest, owned by this process from now on (it adopted the run). */
    public RunManifest ownedByThisProcess() {
        return new RunManifest(runId, target, targetUrl, hostServicePort, profile, users, reusedUsers, formationBefore,
                formationDuring, cloudTag, cloudCleaned, serverDescriptor, ProcessHandle.current().pid(),
                LoadTestRun.thisHost(), createdAt, state, tornDownAt, shard, userSlice, maybeCreated,
                startOf(ProcessHandle.current()).orElse(null));
    }

    /** Every user teardown removes: the run's users, and those a registration without a clear answer may have made. */
    public List<String> usersToRemove() {
        Set<String> all = new LinkedHashSet<>(users);
        maybeCreated.forEach(entry -> all.add(entry.user()));
        return List.copyOf(all);
    }

    /** True while the process that owns the run is alive on this host and the run is not torn down. */
    public boolean live(String thisHost) {
        return !TORN_DOWN.equals(state) && ownerHost.equals(thisHost) && ownerAlive();
    }

    /**
     * True when the run was left behind: not torn down, and its owner, a process of this host, is gone (or its pid now
     * belongs to a process started later). A run owned on another host is never judged here.
     */
    public boolean orphaned(String thisHost) {
        return !TORN_DOWN.equals(state) && ownerHost.equals(thisHost) && !ownerAlive();
    }

    private boolean ownerAlive() {
        Optional<ProcessHandle> owner = ProcessHandle.of(ownerPid).filter(ProcessHandle::isAlive);
        if (owner.isEmpty() || ownerStartedAt == null) {
            return owner.isPresent();
        }
        return startOf(owner.get()).map(started -> Duration.between(started, ownerStartedAt).abs().compareTo(SAME_START) <= 0)
                .orElse(true);
    }

    private static Optional<Instant> startOf(ProcessHandle process) {
        return process.info().startInstant();
    }
}
