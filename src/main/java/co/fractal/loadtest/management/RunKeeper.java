package co.fractal.loadtest.management;

import co.fractal.loadtest.config.RunConfig;
import co.fractal.loadtest.management.cloud.CloudJanitor;
import co.fractal.loadtest.management.heroku.Formation;
import co.fractal.loadtest.management.heroku.WebTierScaler;
import co.fractal.loadtest.results.TeardownReport;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Provisions one run on a connected target and tears it down, writing the run's manifest at every step so
 * that whatever happens, the manifest names what exists — what calls without a clear answer may have created
 * included ({@link #noteMaybeCreated}). The simulation (through {@link LoadTestRun}) and the management command
 * line share it.
 */
public final class RunKeeper {
    private final RunConfig config;
    private final ConnectedTarget target;
    private final RunFiles files;
    private final Consumer<String> out;
    private final Queue<MaybeCreated> unwritten = new ConcurrentLinkedQueue<>();
    private volatile RunManifest manifest;
    private boolean unsaved;

    /** A keeper of a run still to provision. */
    public RunKeeper(RunConfig config, ConnectedTarget target, Consumer<String> out) {
        this(config, target, null, out);
    }

    /** A keeper of a run provisioned before (adopted, or named for teardown). */
    public RunKeeper(RunConfig config, ConnectedTarget target, RunManifest manifest, Consumer<String> out) {
        this.config = config;
        this.target = target;
        this.manifest = manifest;
        this.files = RunFiles.of(config);
        this.out = out;
    }

    /** The run's manifest as last written, or null before provisioning began. */
    public RunManifest manifest() {
        return manifest;
    }

    /**
     * Scales the web tier (when configured) and registers the run's test users; on failure removes what it
     * created, then throws.
     *
     * @param serverDescriptor the descriptor of the background reference webserver, or null
     */
    public RunManifest provision(String serverDescriptor) {
        manifest = RunManifest.begin(config, target, serverDescriptor);
        files.write(manifest);
        try {
            Optional<WebTierScaler> webTier = webTier();
            if (webTier.isPresent()) {
                Formation before = webTier.get().scaleForRun();
                manifest = manifest.withFormation(before, new Formation(before.app(), before.processType(),
                        config.heroku().size(), config.heroku().quantity()));
                files.write(manifest);
            }
            ProvisionedUsers users = new TestUserProvisioner(target.webserver(), config.provision(), config.maxDuration(), out)
                    .provision(config.runId(), config.shards().users());
            manifest = manifest.withUsers(users.all(), users.reused()).inState(RunManifest.PROVISIONED, Instant.now());
            files.write(manifest);
            return manifest;
        } catch (RuntimeException e) {
            ProvisioningException stopped = e instanceof ProvisioningException p ? p : null;
            manifest = manifest.withUsers(stopped == null ? List.of() : stopped.created(), List.of())
                    .withMaybeCreated(stopped == null ? List.of() : stopped.maybeCreated());
            out.accept("provisioning failed (" + e.getMessage() + "): removing what it created"
                    + (manifest.maybeCreated().isEmpty() ? "" : " and what it may have created: " + manifest.maybeCreated()));
            tearDown(new RunLedger());
            throw new IllegalStateException("run " + config.runId() + " could not be provisioned: " + e.getMessage(), e);
        }
    }

    /** The adopted run is this process's from now on: a sweep leaves it alone while this process lives. */
    public void adopt() {
        manifest = manifest.ownedByThisProcess();
        files.write(manifest);
    }

    /** A call without a clear answer may have created this: the manifest says so from its next {@link #flush()}. */
    public void noteMaybeCreated(MaybeCreated entry) {
        unwritten.add(entry);
    }

    /** Writes what was noted since the last write to the manifest (if anything); a failed write is tried again next time. */
    public synchronized void flush() {
        List<MaybeCreated> noted = new ArrayList<>();
        for (MaybeCreated entry = unwritten.poll(); entry != null; entry = unwritten.poll()) {
            noted.add(entry);
        }
        if (noted.isEmpty() && !unsaved) {
            return;
        }
        manifest = manifest.withMaybeCreated(noted);
        try {
            files.write(manifest);
            unsaved = false;
        } catch (UncheckedIOException e) {
            unsaved = true;
            out.accept("manifest not written (" + e.getMessage() + "): trying again");
        }
    }

    /**
     * Tears the run down (what the ledger holds, then what the manifest names) and records the outcome. The manifest
     * says {@value RunManifest#TEARING_DOWN} meanwhile: a teardown cut short is finished by the next one.
     */
    public synchronized TeardownReport tearDown(RunLedger ledger) {
        flush();
        manifest = manifest.inState(RunManifest.TEARING_DOWN, Instant.now());
        writeDuringTeardown();
        RunTeardown.Outcome outcome = new RunTeardown(target.webserver(), target.adminToken(),
                () -> CloudJanitor.connect(config.cloud()), this::webTier, config.provision().concurrency(), out)
                .tearDown(manifest, ledger);
        manifest = manifest.withCloudCleaned(outcome.cloudCleaned())
                .inState(outcome.report().clean() ? RunManifest.TORN_DOWN : RunManifest.TEARDOWN_FAILED, Instant.now());
        writeDuringTeardown();
        return outcome.report();
    }

    // teardown goes on whatever: a manifest it cannot write is said, and the next teardown does the work again
    private void writeDuringTeardown() {
        try {
            files.write(manifest);
        } catch (UncheckedIOException e) {
            out.accept("manifest of run " + manifest.runId() + " not written (" + e.getMessage() + ")");
        }
    }

    private Optional<WebTierScaler> webTier() {
        return config.heroku().enabled() ? Optional.of(new WebTierScaler(config.heroku())) : Optional.empty();
    }
}
