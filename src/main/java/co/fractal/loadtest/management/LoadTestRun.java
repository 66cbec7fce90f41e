package co.fractal.loadtest.management;

import co.fractal.loadtest.config.Durations;
import co.fractal.loadtest.config.RunConfig;
import co.fractal.loadtest.config.RunId;
import co.fractal.loadtest.config.SessionEnding;
import co.fractal.loadtest.generator.GeneratorHealth;
import co.fractal.loadtest.generator.GeneratorReport;
import co.fractal.loadtest.journey.AcquiredContainer;
import co.fractal.loadtest.journey.FailureReasons;
import co.fractal.loadtest.results.JourneyFailure;
import co.fractal.loadtest.results.JourneyRecorder;
import co.fractal.loadtest.results.JourneyResult;
import co.fractal.loadtest.results.RunInfo;
import co.fractal.loadtest.results.RunReport;
import co.fractal.loadtest.results.PoolTimeline;
import co.fractal.loadtest.results.RunResults;
import co.fractal.loadtest.results.SessionResult;
import co.fractal.loadtest.results.SessionTally;
import co.fractal.loadtest.results.TeardownReport;
import co.fractal.loadtest.results.Verdict;
import co.fractal.loadtest.results.Violation;
import co.fractal.loadtest.shards.ShardRecorder;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * <p>
 * A shard of a run spread over several load generators provisions and tears down only its slice of the users,
 * waits for the start barrier ({@code -Dstart.at}) before its load, records what the merge needs
 * ({@link ShardRecorder}) and publishes its part in its own folder.
 */
public final class LoadTestRun {
    private final RunConfig config;
    private final Consumer<String> out;
    private final ConnectedTarget target;
    private final RunManifest adopted;
    private final JourneyRecorder recorder = new JourneyRecorder();
    private final SessionTally sessions;
    private final PoolTimeline pool;
    private final ScheduledExecutorService poolWatch = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "load-test-pool-watch");
        thread.setDaemon(true);
        return thread;
    });
    private final ConcurrentSkipListSet<Long> assignSeconds = new ConcurrentSkipListSet<>();
    private final RunLedger ledger = new RunLedger();
    private final Queue<String> unusedUsers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger journeysWithoutUser = new AtomicInteger();
    private final AtomicInteger hostsEnded = new AtomicInteger();
    private final Thread shutdownHook = new Thread(() -> finish(true), "load-test-teardown");

    private volatile Consumer<JourneyResult> journeyObserver = result -> { };
    private volatile RunKeeper keeper;
    private volatile GeneratorHealth health;
    private volatile Instant loadStartedAt;
    private volatile ShardRecorder shard;
    private Verdict verdict;

    private LoadTestRun(RunConfig config, Consumer<String> out, ConnectedTarget target, RunManifest adopted) {
        this.config = config;
        this.out = out;
        this.target = target;
        this.adopted = adopted;
        this.pool = new PoolTimeline(Clock.systemUTC(), config.maxDuration());
        this.sessions = new SessionTally(config.sessions(), config.hosts(), pool);
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
        config.shards().runId().filter(given -> !given.equals(runId)).ifPresent(given -> {
            throw new IllegalStateException("run.adopt=" + pointer + " names run " + runId + " but -Drun.id=" + given);
        });
        RunManifest manifest = RunFiles.of(config).manifest(runId.value()).orElseThrow(() -> new IllegalStateException(
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
        if (config.shards().sharded()) {
            shard = new ShardRecorder(config.withRunId(new RunId(keeper.manifest().runId())),
                    RunFiles.of(config).runDir(keeper.manifest().runId()), thisHost());
            shard.ready();
        }
        SuiteClasses.prepare();
        config.shards().startAt().ifPresent(this::awaitStart);
        GeneratorHealth watched = GeneratorHealth.forLoad(config.generator(), config.load(), recorder::startedCount, out);
        watched.everySecond(keeper::flush);
        health = watched;
        loadStartedAt = Instant.now();
        watched.start();
        if (config.sessions().held()) {
            poolWatch.scheduleAtFixedRate(this::samplePool, 0, pool.width().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    // the start barrier: every shard's load starts at the same instant, once its users are ready
    private void awaitStart(Instant at) {
        Duration wait = Duration.between(Instant.now(), at);
        if (wait.isNegative()) {
            out.accept("start.at=" + at + " passed " + Durations.describe(wait.negated()) + " ago: the load starts now");
            return;
        }
        out.accept("waiting " + Durations.describe(wait) + " for start.at=" + at);
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        if (shard != null) {
            shard.journeyStarted(LoadTestUsers.indexOf(username));
        }
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
        assignSeconds.add(Instant.now().getEpochSecond());
    }

    /**
     * When the first assign accepted after {@code instant} was, to the second, if one was: assigns are kept by the
     * second, so one in the same second as {@code instant} is not counted (it may have come before it).
     */
    public Optional<Instant> firstAssignAcceptedSince(Instant instant) {
        return Optional.ofNullable(assignSeconds.ceiling(instant.getEpochSecond() + 1)).map(Instant::ofEpochSecond);
    }

    /** A journey's task reached SUCCESS with this container; a violation when another journey holds it. */
    public Optional<Violation> acquired(String journeyId, AcquiredContainer container) {
        ledger.acquired(container);
        if (shard != null) {
            shard.acquired(journeyId, container.containerId(), container.hostAndPort());
        }
        return recorder.acquired(journeyId, container.containerId(), container.hostAndPort());
    }

    /** A journey released its container. */
    public void released(String journeyId, AcquiredContainer container) {
        ledger.released(container);
        letGo(journeyId, container);
    }

    /** A journey's container is held from now on: its session began. */
    public void sessionStarted(SessionEnding ending) {
        sessions.started(ending);
    }

    /** A held container went silent (it died): the journey no longer holds it, though it exists until it is reaped. */
    public void containerSilenced(String journeyId, AcquiredContainer container) {
        letGo(journeyId, container);
    }

    /**
     * A held session ended, however it ended; its container no longer counts as held by the journey (it is gone,
     * or dead, or left to teardown).
     */
    public void sessionEnded(SessionResult result, AcquiredContainer container) {
        letGo(result.journeyId(), container);
        if (result.fate() == SessionResult.Fate.GONE) {
            ledger.released(container);
        }
        sessions.ended(result);
    }

    // the journey no longer holds the container (a second call changes nothing)
    private void letGo(String journeyId, AcquiredContainer container) {
        if (shard != null) {
            shard.released(journeyId);
        }
        recorder.released(journeyId, container.containerId(), container.hostAndPort());
    }

    /** A violation a journey saw in its own answers. */
    public void violated(Violation violation) {
        recorder.violated(violation);
    }

    /**
     * A journey ended, however it ended.
     *
     * @param username    its test user
     * @param taskSettled true when its task reached a final state (nothing left to cancel)
     */
    public void endJourney(JourneyResult result, String username, boolean taskSettled) {
        if (taskSettled) {
            ledger.taskSettled(username);
        }
        MaybeCreated.leftBy(result).ifPresent(keeper::noteMaybeCreated);
        generator().journeyEnded(username);
        recorder.finished(result);
        if (config.sessions().held() && result.timeToContainerMicros() >= 0) {
            pool.acquired(result.origin(), result.timeToContainerMicros());
        }
        if (shard != null) {
            shard.journeyEnded(LoadTestUsers.indexOf(username));
        }
        journeyObserver.accept(result);
    }

    /**
     * True once every planned journey has started and ended, and no session is held any more: what the simulated
     * hosts wait for before their dying beat.
     */
    public boolean loadOver() {
        return recorder.startedCount() >= config.load().users() && recorder.openCount() == 0 && sessions.open() == 0;
    }

    /** Sessions begun and not ended: containers held now. */
    public long heldSessions() {
        return sessions.open();
    }

    // the free prewarmed containers of the journeys' region, where the webserver tells (GET /admin/pool); a webserver
    // without it is asked no more
    private void samplePool() {
        try {
            target.webserver().freePrewarmed(target.adminToken(), config.journey().region())
                    .ifPresentOrElse(pool::poolSize, poolWatch::shutdown);
        } catch (RuntimeException e) {
            out.accept("the prewarmed pool's size cannot be read: " + e.getMessage());
            poolWatch.shutdown();
        }
    }

    /** A simulated host sent its dying beat: it is done. */
    public void hostEnded() {
        hostsEnded.incrementAndGet();
    }

    /** True once every simulated host is done (at once when there are none). */
    public boolean hostsDone() {
        return hostsEnded.get() >= config.hosts().count();
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
        poolWatch.shutdownNow();
        if (loadStartedAt == null) {
            if (interrupted && keeper != null && keeper.manifest() != null) {
                out.accept("interrupted while provisioning: removing what run " + config.runId() + " created");
                keeper.tearDown(ledger);
            }
            // otherwise start() failed, and removed what it had created before throwing
            if (shard != null) {
                shard.abandon();
            }
            verdict = new Verdict(false, List.of("the run never started"), List.of());
            return verdict;
        }
        GeneratorHealth watched = health;
        watched.close(); // no request goes any more: journeys still running are frozen for the teardown
        boolean cutShort = interrupted || watched.stopReason().isPresent()
                || Duration.between(loadStartedAt, endedAt).compareTo(config.maxDuration()) >= 0;
        RunResults journeys = recorder.results(endedAt, cutShort);
        GeneratorReport generator = watched.report();
        if (interrupted) {
            out.accept("interrupted: tearing run " + keeper.manifest().runId() + " down before exiting");
        }
        RunResults results = config.sessions().held() ? journeys.withSessions(sessions.snapshot()) : journeys;
        TeardownReport teardown = keeper.tearDown(ledger);
        RunInfo info = new RunInfo(keeper.manifest().runId(), config.target().name(), target.target().url().toString(),
                config.load().profile().id(), config.load().users(), config.load().spawnRate(),
                config.load().profile().minSuccessPercent(), loadStartedAt, endedAt,
                GatlingReports.latest(loadStartedAt).map(Object::toString).orElse(null), cutShort);
        verdict = shard != null ? shard.publish(info, results, teardown, generator, System.out).verdict()
                : RunReport.publish(config.results(), config.notifications(), info, results, teardown, generator).verdict();
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
