package co.fractal.loadtest.management;

import co.fractal.loadtest.config.RunConfig;
import co.fractal.loadtest.config.RunId;
import co.fractal.loadtest.journey.ContainerRow;
import co.fractal.loadtest.journey.Journey;
import co.fractal.loadtest.journey.JourneyListener;
import co.fractal.loadtest.results.JourneyRecorder;
import co.fractal.loadtest.results.JourneyResult;
import co.fractal.loadtest.results.RunInfo;
import co.fractal.loadtest.results.RunReport;
import co.fractal.loadtest.results.RunResults;
import co.fractal.loadtest.results.TeardownReport;
import co.fractal.loadtest.results.Verdict;
import co.fractal.loadtest.results.Violation;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One load-test run from provisioning to teardown: what the simulation calls in {@code before()} and
 * {@code after()}, and what its journeys report to. {@link #start()} connects to the target (starting the
 * embedded webserver when local), scales the web tier, provisions the test users and writes the manifest,
 * or adopts a run the Maven lifecycle provisioned; if any of it fails, what was created is removed before
 * the error propagates. {@link #finish(boolean)} tears everything down, checks the invariants and writes
 * the summary; it runs once, from {@code after()}, the verdict scenario, or the shutdown hook on SIGTERM.
 */
public final class LoadTestRun implements JourneyListener {
    private final RunConfig config;
    private final Consumer<String> out;
    private final JourneyRecorder recorder = new JourneyRecorder();
    private final RunLedger ledger = new RunLedger();
    private final Queue<String> unusedUsers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger journeysWithoutUser = new AtomicInteger();
    private final Thread shutdownHook = new Thread(() -> finish(true), "load-test-teardown");

    private volatile ConnectedTarget target;
    private volatile RunKeeper keeper;
    private volatile Instant loadStartedAt;
    private Verdict verdict;

    public LoadTestRun(RunConfig config, Consumer<String> out) {
        this.config = config;
        this.out = out;
    }

    /** Gets the target and the test users ready; on failure removes what it made, then throws. */
    public void start() {
        out.accept(config.describe());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            if (config.adopt().isPresent()) {
                adopt(config.adopt().get());
            } else {
                provision();
            }
        } catch (RuntimeException e) {
            removeShutdownHook();
            throw e;
        }
        unusedUsers.addAll(keeper.manifest().users());
        loadStartedAt = Instant.now();
    }

    private void adopt(Path pointer) {
        RunId runId = new RunId(RunFiles.readJson(pointer, AdoptionPointer.class).runId());
        RunManifest manifest = new RunFiles(config.results().dir()).manifest(runId.value()).orElseThrow(() -> new IllegalStateException(
                "run.adopt=" + pointer + " names run " + runId + ", which has no manifest in " + config.results().dir()));
        target = manifest.serverDescriptor() != null
                ? ConnectedTarget.attach(config.target(), RunFiles.readJson(Path.of(manifest.serverDescriptor()), ServerDescriptor.class))
                : ConnectedTarget.login(config.target().at(URI.create(manifest.targetUrl())), manifest.hostServicePort(),
                config.admin(), Optional.empty());
        keeper = new RunKeeper(config, target, manifest, out);
        out.accept("adopted run " + runId + " with " + manifest.users().size() + " test users on " + target.target());
    }

    private void provision() {
        target = ConnectedTarget.open(config, out);
        keeper = new RunKeeper(config, target, out);
        try {
            keeper.provision(null);
        } catch (RuntimeException e) {
            target.close();
            throw e;
        }
    }

    // ---- journeys --------------------------------------------------------------------------------------

    /** The next journey: the next unused test user. */
    public Journey beginJourney() {
        String user = unusedUsers.poll();
        String id = user != null ? user : "(no test user left #" + journeysWithoutUser.incrementAndGet() + ")";
        Journey journey = new Journey(id, config.journey(), this, System::nanoTime);
        recorder.started(journey.username());
        if (user == null) {
            journey.refuse("no test user left", "more journeys than the " + keeper.manifest().users().size() + " provisioned users");
        }
        return journey;
    }

    /** A journey ended, however it ended. */
    public void endJourney(Journey journey) {
        JourneyResult result = journey.result();
        if (journey.taskSettled()) {
            ledger.taskSettled(journey.username());
        }
        recorder.finished(result);
    }

    /** The URL of a webserver path. */
    public String url(String path) {
        return target.url(path);
    }

    /** The host service URL for the config token on a host. */
    public String configTokenUrl(String hostIp) {
        return "https://" + hostIp + ":" + target.hostServicePort() + "/set_config_encryption_token";
    }

    /** The Authorization header value journeys send. */
    public String authorization() {
        return "Bearer " + target.adminToken().reveal();
    }

    @Override
    public void answered(String endpoint, int status) {
        recorder.request(endpoint, status);
    }

    @Override
    public void taskAccepted(String username, String taskId) {
        ledger.taskAccepted(username, taskId);
    }

    @Override
    public Optional<Violation> acquired(String username, ContainerRow container) {
        ledger.acquired(container);
        return recorder.acquired(username, container.containerId(), container.hostAndPort());
    }

    @Override
    public void released(String username, ContainerRow container) {
        ledger.released(container);
        recorder.released(username, container.containerId(), container.hostAndPort());
    }

    @Override
    public void violated(Violation violation) {
        recorder.violated(violation);
    }

    // ---- the end ---------------------------------------------------------------------------------------

    /**
     * Tears the run down, checks the invariants and writes the summary, once; later calls return the same
     * verdict.
     *
     * @param interrupted true when called because the process is being stopped
     */
    public synchronized Verdict finish(boolean interrupted) {
        if (verdict != null) {
            return verdict;
        }
        Instant endedAt = Instant.now();
        if (loadStartedAt == null) {
            if (interrupted && keeper != null && keeper.manifest() != null) {
                out.accept("interrupted while provisioning: removing what run " + config.runId() + " created");
                keeper.tearDown(ledger);
            }
            // otherwise start() failed, and removed what it had created before throwing
            verdict = new Verdict(false, List.of("the run never started"), List.of());
            return verdict;
        }
        boolean cutShort = interrupted || Duration.between(loadStartedAt, endedAt).compareTo(config.maxDuration()) >= 0;
        if (interrupted) {
            out.accept("interrupted: tearing run " + keeper.manifest().runId() + " down before exiting");
        }
        RunResults results = recorder.results(endedAt, cutShort);
        TeardownReport teardown = keeper.tearDown(ledger);
        RunInfo info = new RunInfo(keeper.manifest().runId(), config.target().name(), target.target().url().toString(),
                config.load().profile().id(), config.load().users(), config.load().spawnRate(),
                config.load().profile().minSuccessPercent(), loadStartedAt, endedAt,
                GatlingReports.latest(loadStartedAt).map(Object::toString).orElse(null), cutShort);
        verdict = RunReport.publish(config.results(), config.notifications(), info, results, teardown).verdict();
        target.close();
        if (!interrupted) {
            removeShutdownHook();
        }
        return verdict;
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing to remove
        }
    }

    static String thisHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
