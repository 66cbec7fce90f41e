package co.fractal.loadtest.management;

import co.fractal.loadtest.config.RunConfig;
import co.fractal.loadtest.config.RunId;
import co.fractal.loadtest.generator.GeneratorHealth;
import co.fractal.loadtest.generator.GeneratorReport;
import co.fractal.loadtest.journey.AcquiredContainer;
import co.fractal.loadtest.journey.FailureReasons;
import co.fractal.loadtest.results.JourneyFailure;
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
 * One load-test run from provisioning to teardown, and what its journeys report to. {@link #open} connects to
 * the target (starting the embedded webserver when local, or attaching to the run the Maven lifecycle
 * provisioned), so the simulation can build its protocol from {@link #target()}; {@link #start()} scales the
 * web tier, provisions the test users and writes the manifest (or adopts the provisioned run), removing what
 * it created if any of it fails. While the load runs, journeys report their events here: the recorder counts
 * them and checks the invariants that span users, the ledger remembers what teardown must cancel or release, the
 * manifest hears what a call without a clear answer may have created, and the {@link #generator() generator's
 * health} counts them against the profile's plan. {@link #finish(boolean)} tears everything down, checks the
 * invariants and writes the summary; it runs once, from {@code after()}, the verdict scenario, or the shutdown hook
 * on SIGTERM — and it needs nothing the load can use up: the suite's classes are loaded, the class path's jars and
 * the webserver client are open, and files are kept free of the load's connections, before the load starts.
 */
public final class LoadTestRun {
    private final RunConfig config;
    private final Consumer<String> out;
    private final ConnectedTarget target;
    private final RunManifest adopted;
    private final JourneyRecorder recorder = new JourneyRecorder();
    private final RunLedger ledger = new RunLedger();
    private final Queue<String> unusedUsers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger journeysWithoutUser = new AtomicInteger();
    private final Thread shutdownHook = new Thread(() -> finish(true), "load-test-teardown");

    private volatile Consumer<JourneyResult> journeyObserver = result -> { };
    private volatile RunKeeper keeper;
    private volatile GeneratorHealth health;
    private volatile Instant loadStartedAt;
    private Verdict verdict;

    private LoadTestRun(RunConfig config, Consumer<String> out, ConnectedTarget target, RunManifest adopted) {
        this.config = config;
        this.out = out;
        this.target = target;
        this.adopted = adopted;
    }

    /**
     * Connects to the configured target: starts the embedded reference webserver for {@code local}, logs into
     * a remote one, or attaches to the target of the run {@code run.adopt} names.
     */
    public static LoadTestRun open(RunConfig config, Consumer<String> out) {
        out.accept(config.describe());
        if (config.adopt().isEmpty()) {
            return new LoadTestRun(config, out, ConnectedTarget.open(config, out), null);
        }
        Path pointer = config.adopt().get();
        RunId runId = new RunId(RunFiles.readJson(pointer, AdoptionPointer.class).runId());
        RunManifest manifest = new RunFiles(config.results().dir()).manifest(runId.value()).orElseThrow(() -> new IllegalStateException(
                "run.adopt=" + pointer + " names run " + runId + ", which has no manifest in " + config.results().dir()));
        ConnectedTarget target = manifest.serverDescriptor() != null
                ? ConnectedTarget.attach(config.target(), RunFiles.readJson(Path.of(manifest.serverDescriptor()), ServerDescriptor.class))
                : ConnectedTarget.login(config.target().at(URI.create(manifest.targetUrl())), manifest.hostServicePort(),
                config.admin(), Optional.empty());
        return new LoadTestRun(config, out, target, manifest);
    }

    /** The cap on the whole run ({@code maxDuration}): no wait of the load lasts longer. */
    public Duration maxDuration() {
        return config.maxDuration();
    }

    /** The target the load goes to: its address, the host service's port and the admin token. */
    public ConnectedTarget target() {
        return target;
    }

    /** Gets the test users ready (or adopts the provisioned run); on failure removes what it made, then throws. */
    public void start() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            keeper = adopted != null ? new RunKeeper(config, target, adopted, out) : new RunKeeper(config, target, out);
            if (adopted != null) {
                keeper.adopt();
                out.accept("adopted run " + adopted.runId() + " with " + adopted.users().size() + " test users on " + target.target());
            } else {
                keeper.provision(null);
            }
        } catch (RuntimeException e) {
            removeShutdownHook();
            target.close();
            throw e;
        }
        unusedUsers.addAll(keeper.manifest().users());
        SuiteClasses.prepare();
        GeneratorHealth watched = GeneratorHealth.forLoad(config.generator(), config.load(), out);
        watched.everySecond(keeper::flush);
        health = watched;
        loadStartedAt = Instant.now();
        watched.start();
    }

    /** The load generator's health: its connection budget, its event-loop probe, and whether the load must stop. */
    public GeneratorHealth generator() {
        GeneratorHealth watched = health;
        if (watched == null) {
            throw new IllegalStateException("run " + config.runId() + " has not started: its load generator is not watched yet");
        }
        return watched;
    }

    // ---- journeys --------------------------------------------------------------------------------------

    /** The test user of the next journey, or a placeholder naming the journey when every user is taken. */
    public String nextTestUser() {
        String user = unusedUsers.poll();
        return user != null ? user : "(no test user left #" + journeysWithoutUser.incrementAndGet() + ")";
    }

    /** A journey began; it is refused when its user is not one of the run's test users. */
    public Optional<JourneyFailure> beginJourney(String username) {
        recorder.started(username);
        generator().journeyStarted();
        return username.startsWith("(no test user left")
                ? Optional.of(FailureReasons.noTestUser(keeper.manifest().users().size())) : Optional.empty();
    }

    /** An answer (status 0: none) from an endpoint. */
    public void answered(String endpoint, int status) {
        recorder.request(endpoint, status);
    }

    /** A user's assignment was accepted: it is in flight until its task settles. */
    public void taskAccepted(String username, String taskId) {
        ledger.taskAccepted(username, taskId);
    }

    /** A journey's task reached SUCCESS with this container; a violation when another journey holds it. */
    public Optional<Violation> acquired(String username, AcquiredContainer container) {
        ledger.acquired(container);
        return recorder.acquired(username, container.containerId(), container.hostAndPort());
    }

    /** A journey released its container. */
    public void released(String username, AcquiredContainer container) {
        ledger.released(container);
        recorder.released(username, container.containerId(), container.hostAndPort());
    }

    /** A violation a journey saw in its own answers. */
    public void violated(Violation violation) {
        recorder.violated(violation);
    }

    /**
     * A journey ended, however it ended.
     *
     * @param taskSettled true when its task reached a final state (nothing left to cancel)
     */
    public void endJourney(JourneyResult result, boolean taskSettled) {
        if (taskSettled) {
            ledger.taskSettled(result.journeyId());
        }
        MaybeCreated.leftBy(result).ifPresent(keeper::noteMaybeCreated);
        generator().journeyEnded(result.journeyId());
        recorder.finished(result);
        journeyObserver.accept(result);
    }

    /** Hands every ended journey's result to {@code observer} too (a benchmark's per-second monitor). */
    public void observeJourneys(Consumer<JourneyResult> observer) {
        journeyObserver = observer;
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
        GeneratorHealth watched = health;
        watched.close(); // no request goes any more: journeys still running are frozen for the teardown
        boolean cutShort = interrupted || watched.stopReason().isPresent()
                || Duration.between(loadStartedAt, endedAt).compareTo(config.maxDuration()) >= 0;
        RunResults results = recorder.results(endedAt, cutShort);
        GeneratorReport generator = watched.report();
        if (interrupted) {
            out.accept("interrupted: tearing run " + keeper.manifest().runId() + " down before exiting");
        }
        TeardownReport teardown = keeper.tearDown(ledger);
        RunInfo info = new RunInfo(keeper.manifest().runId(), config.target().name(), target.target().url().toString(),
                config.load().profile().id(), config.load().users(), config.load().spawnRate(),
                config.load().profile().minSuccessPercent(), loadStartedAt, endedAt,
                GatlingReports.latest(loadStartedAt).map(Object::toString).orElse(null), cutShort);
        verdict = RunReport.publish(config.results(), config.notifications(), info, results, teardown, generator).verdict();
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
