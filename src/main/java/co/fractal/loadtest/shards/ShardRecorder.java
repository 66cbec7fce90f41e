package co.fractal.loadtest.shards;

import co.fractal.loadtest.config.RunConfig;
import co.fractal.loadtest.config.Shard;
import co.fractal.loadtest.config.SettingsFingerprint;
import co.fractal.loadtest.generator.GeneratorReport;
import co.fractal.loadtest.results.RunInfo;
import co.fractal.loadtest.results.RunReport;
import co.fractal.loadtest.results.RunResults;
import co.fractal.loadtest.results.RunSummary;
import co.fractal.loadtest.results.TeardownReport;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * What a shard of a run records, beyond the figures every run has, so the merge can judge the whole run: the
 * container holds of its users (to re-check EXCLUSIVE_CONTAINERS across shards), the users whose journeys it
 * started and ended (JOURNEY_ACCOUNTING across shards), its settings' fingerprint and when its load actually
 * started. At the end it publishes its own summary and {@code shard.json} in its folder.
 */
public final class ShardRecorder {
    private final RunConfig config;
    private final Shard shard;
    private final Path dir;
    private final String host;
    private final HoldingsLog holdings;
    private final JourneyIndices started = new JourneyIndices();
    private final JourneyIndices ended = new JourneyIndices();
    private volatile Instant readyAt;

    /**
     * @param config the shard's configuration (sharded)
     * @param dir    the shard's folder
     * @param host   the load generator's host name
     */
    public ShardRecorder(RunConfig config, Path dir, String host) {
        this.config = config;
        this.shard = config.shards().shard().orElseThrow(() -> new IllegalArgumentException("not a shard: " + config.runId()));
        this.dir = dir;
        this.host = host;
        this.holdings = new HoldingsLog(dir.resolve(ShardFiles.HOLDINGS));
    }

    /** The shard's users are ready: from now on it only waits for the start barrier, if any. */
    public void ready() {
        readyAt = Instant.now();
    }

    /** A journey of the run's user {@code index} (empty: a journey without a test user) began. */
    public void journeyStarted(OptionalInt index) {
        index.ifPresent(started::add);
    }

    /** A journey of the run's user {@code index} ended. */
    public void journeyEnded(OptionalInt index) {
        index.ifPresent(ended::add);
    }

    /** A user's task read SUCCESS with this container (ip:port). */
    public void acquired(String user, String containerId, String address) {
        holdings.acquired(user, containerId, address, Instant.now());
    }

    /** A user's release of its container was answered. */
    public void released(String user) {
        holdings.released(user, Instant.now());
    }

    /**
     * Publishes the shard's summary (no baseline: the merged run has one) and then its record, once its teardown
     * is done; holds still open were released by the teardown.
     *
     * @return the shard's own summary
     */
    public RunSummary publish(RunInfo info, RunResults results, TeardownReport teardown, GeneratorReport generator,
                              PrintStream console) {
        Instant tornDownAt = Instant.now();
        long holds = holdings.close(tornDownAt);
        String label = "shard " + shard + " of run " + config.runId();
        RunSummary summary = RunReport.publishShard(dir, config.notifications(), info, results, teardown, generator, label,
                "once every shard is done: mvn exec:java@manage -Dexec.args=\"merge --run " + config.runId() + "\"",
                console);
        SettingsFingerprint fingerprint = config.fingerprint();
        Shard.Slice slice = config.shards().users();
        ShardFiles.write(dir, new ShardRecord(ShardRecord.SCHEMA, config.runId().value(), shard.index(), shard.count(),
                host, slice.first(), slice.size(), fingerprint.hash(), fingerprint.settings(),
                config.shards().startAt().orElse(null), readyAt, info.startedAt(), info.endedAt(), tornDownAt, holds,
                started.encode(), ended.encode()));
        return summary;
    }

    /** Closes the holdings file when the shard never got to publish (it did not start). */
    public void abandon() {
        holdings.close(Instant.now());
    }
}
