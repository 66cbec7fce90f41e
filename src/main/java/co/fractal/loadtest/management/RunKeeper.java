package co.fractal.loadtest.management;

import co.fractal.loadtest.config.RunConfig;
import co.fractal.loadtest.management.cloud.CloudJanitor;
import co.fractal.loadtest.management.heroku.Formation;
import co.fractal.loadtest.management.heroku.WebTierScaler;
import co.fractal.loadtest.results.TeardownReport;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Provisions one run on a connected target and tears it down, writing the run's manifest at every step so
 * that whatever happens, the manifest names what exists. The simulation (through {@link LoadTestRun}) and
 * the management command line share it.
 */
public final class RunKeeper {
    private final RunConfig config;
    private final ConnectedTarget target;
    private final RunFiles files;
    private final Consumer<String> out;
    private volatile RunManifest manifest;

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
            List<String> created = e instanceof ProvisioningException p ? p.created() : List.of();
            manifest = manifest.withUsers(created, List.of());
            out.accept("provisioning failed (" + e.getMessage() + "): removing what it created");
            tearDown(new RunLedger());
            throw new IllegalStateException("run " + config.runId() + " could not be provisioned: " + e.getMessage(), e);
        }
    }

    /** Tears the run down (what the ledger holds, then what the manifest names) and records the outcome. */
    public TeardownReport tearDown(RunLedger ledger) {
        RunTeardown.Outcome outcome = new RunTeardown(target.webserver(), target.adminToken(),
                () -> CloudJanitor.connect(config.cloud()), this::webTier, config.provision().concurrency(), out)
                .tearDown(manifest, ledger);
        manifest = manifest.withCloudCleaned(outcome.cloudCleaned())
                .inState(outcome.report().clean() ? RunManifest.TORN_DOWN : RunManifest.TEARDOWN_FAILED, Instant.now());
        files.write(manifest);
        return outcome.report();
    }

    private Optional<WebTierScaler> webTier() {
        return config.heroku().enabled() ? Optional.of(new WebTierScaler(config.heroku())) : Optional.empty();
    }
}
