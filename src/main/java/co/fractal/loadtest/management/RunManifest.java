package co.fractal.loadtest.management;

import co.fractal.loadtest.config.Shard;
import co.fractal.loadtest.management.heroku.Formation;

import java.time.Instant;
import java.util.List;

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
 * @param ownerPid         the process running the load
 * @param ownerHost        the host it runs on
 * @param createdAt        when provisioning began
 * @param state            provisioning, provisioned, torn-down or teardown-failed
 * @param tornDownAt       when teardown last ran, or null
 * @param shard            the shard of a run spread over several load generators ("1/3"), or null for a whole run
 * @param userSlice        a shard's slice of the run's users (the only ones its teardown may delete), or null
 */
public record RunManifest(String runId, String target, String targetUrl, int hostServicePort, String profile,
                          List<String> users, List<String> reusedUsers, Formation formationBefore,
                          Formation formationDuring, String cloudTag, List<String> cloudCleaned, String serverDescriptor,
                          long ownerPid, String ownerHost, Instant createdAt, String state, Instant tornDownAt,
                          String shard, Shard.Slice userSlice) {

    public static final String PROVISIONING = "provisioning";
    public static final String PROVISIONED = "provisioned";
    public static final String TORN_DOWN = "torn-down";
    public static final String TEARDOWN_FAILED = "teardown-failed";

    /** The manifest of a run about to be provisioned on a connected target. */
    public static RunManifest begin(co.fractal.loadtest.config.RunConfig config, ConnectedTarget target,
                                    String serverDescriptor) {
        return new RunManifest(config.runId().value(), config.target().name(), target.target().url().toString(),
                target.hostServicePort(), config.load().profile().id(), List.of(), List.of(), null, null,
                config.cloud().tagKey() + "=" + config.runId(), List.of(), serverDescriptor, ProcessHandle.current().pid(),
                LoadTestRun.thisHost(), Instant.now(), PROVISIONING, null,
                config.shards().shard().map(Object::toString).orElse(null),
                config.shards().sharded() ? config.shards().users() : null);
    }

    /** The same manifest in another state. */
    public RunManifest inState(String newState, Instant at) {
        boolean teardown = newState.equals(TORN_DOWN) || newState.equals(TEARDOWN_FAILED);
        return new RunManifest(runId, target, targetUrl, hostServicePort, profile, users, reusedUsers, formationBefore,
                formationDuring, cloudTag, cloudCleaned, serverDescriptor, ownerPid, ownerHost, createdAt, newState,
                teardown ? at : tornDownAt, shard, userSlice);
    }

    /** The same manifest with its users. */
    public RunManifest withUsers(List<String> all, List<String> reused) {
        return new RunManifest(runId, target, targetUrl, hostServicePort, profile, List.copyOf(all), List.copyOf(reused),
                formationBefore, formationDuring, cloudTag, cloudCleaned, serverDescriptor, ownerPid, ownerHost, createdAt,
                state, tornDownAt, shard, userSlice);
    }

    /** The same manifest with the web tier's formations. */
    public RunManifest withFormation(Formation before, Formation during) {
        return new RunManifest(runId, target, targetUrl, hostServicePort, profile, users, reusedUsers, before, during,
                cloudTag, cloudCleaned, serverDescriptor, ownerPid, ownerHost, createdAt, state, tornDownAt, shard, userSlice);
    }

    /** The same manifest with the cloud resources teardown removed. */
    public RunManifest withCloudCleaned(List<String> cleaned) {
        return new RunManifest(runId, target, targetUrl, hostServicePort, profile, users, reusedUsers, formationBefore,
                formationDuring, cloudTag, List.copyOf(cleaned), serverDescriptor, ownerPid, ownerHost, createdAt, state,
                tornDownAt, shard, userSlice);
    }

    /** True when the run is spread over several load generators and this manifest is one shard's. */
    public boolean oneOfSeveralShards() {
        return shard != null && co.fractal.loadtest.config.Shard.parse(shard).map(s -> s.count() > 1).orElse(false);
    }

    /** True while the process that owns the run is alive on this host and the run is not torn down. */
    public boolean live(String thisHost) {
        return !TORN_DOWN.equals(state) && ownerHost.equals(thisHost)
                && ProcessHandle.of(ownerPid).map(ProcessHandle::isAlive).orElse(false);
    }
}
