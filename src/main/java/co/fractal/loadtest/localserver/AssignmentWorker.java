package co.fractal.loadtest.localserver;

import co.fractal.loadtest.config.LocalServerSettings;
import co.fractal.loadtest.config.LocalServerSettings.Fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The worker that runs assignments through the state machine of {@code docs/webserver-api.md}: claim a
 * prewarmed container (the region's, else its pair's: see {@link PoolClaim}) or spin one up within the
 * capacity, hand the start values to the host service, refill the pool and run the reaper, wait for the first
 * ping (or fail "failed to ping"), then hold the container until it is released, reaped or idles out. Also
 * cancels, fails and releases. Every method runs under the state lock; delays run on the {@link Scheduler},
 * never blocking a thread.
 */
final class AssignmentWorker implements HostService.Listener {
    /** How long the release of a container another assignment still holds waits for that one to let go. */
    static final Duration SHARED_RELEASE_WAIT = Duration.ofSeconds(3);

    private final LocalServerSettings settings;
    private final Scheduler scheduler;
    private final ServerClock clock;
    private final Containers containers;
    private final ContainerPool pool;
    private final TaskStore tasks;
    private final LostWrites lostWrites;
    private final PingRowLocks pingLocks;
    private final HostService hostService;
    private final PoolClaim claim;
    private int inFlight;

    AssignmentWorker(LocalServerSettings settings, Scheduler scheduler, ServerClock clock, Containers containers,
                     ContainerPool pool, TaskStore tasks, LostWrites lostWrites, PingRowLocks pingLocks) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
        this.containers = containers;
        this.pool = pool;
        this.tasks = tasks;
        this.lostWrites = lostWrites;
        this.pingLocks = pingLocks;
        this.hostService = new HostService(settings.has(Fault.RENDEZVOUS_RACE), scheduler, this);
        this.claim = PoolClaim.of(settings, pool, scheduler);
    }

    HostService hostService() {
        return hostService;
    }

    /** Assignments whose task is not finished yet. */
    int inFlight() {
        return inFlight;
    }

    /** Starts an assignment for the user; a previous one still in flight is cancelled. */
    Assignment assign(Account account, App app, Region region, int dpi) {
        Assignment previous = account.current();
        if (previous != null && !previous.finished()) {
            cancel(previous);
        }
        Assignment assignment = new Assignment(UUID.randomUUID(), account, app, region, dpi);
        account.begin(assignment);
        tasks.add(assignment.taskId(), assignment);
        inFlight++;
        claim.claim(assignment, container -> takePrewarmed(assignment, container), () -> spinUp(assignment));
        return assignment;
    }

    private void takePrewarmed(Assignment assignment, Container container) {
        assignment.origin(Assignment.Origin.PREWARMED);
        hold(assignment, container);
        sendStartValues(assignment, container);
    }

    private void spinUp(Assignment assignment) {
        Container container = containers.create(assignment.region(), Container.State.CREATING);
        if (container == null) {
            fail(assignment, "no capacity");
            return;
        }
        assignment.origin(Assignment.Origin.SPUN_UP);
        hold(assignment, container);
        assignment.moveTo(AppState.SPINNING_UP_NEW, TaskStatus.started("Spinning up a new container"));
        scheduler.after(settings.spinUpDelay(), () -> {
            if (!assignment.finished() && assignment.container() == container) {
                container.state(Container.State.RUNNING_UNAVAILABLE);
                sendStartValues(assignment, container);
            }
        });
    }

    private void hold(Assignment assignment, Container container) {
        if (container.hold(assignment)) {
            pool.held(container);
        }
        assignment.container(container);
    }

    private void sendStartValues(Assignment assignment, Container container) {
        String secret = Secrets.hex(16);
        hostService.startValues(container, assignment, secret);
        assignment.waitForClient(secret, container.port());
        assignment.clientTimer(scheduler.after(settings.clientTimeout(), () -> fail(assignment, "failed to ping")));
        pool.handedOff(assignment, container);
        reap(assignment, container.region());
    }

    /**
     * The reaper, after a hand-off as the 2021 assign task ran it: the cluster's containers silent for longer
     * than {@code local.reapAfter} are deleted, those whose tasks are all finished. Under the ping-lock-timeout
     * fault a ping holding a row of the cluster makes the reaper's lock time out, swallowed: its deletions are
     * lost, and so are the assignment's later ones (its session stays aborted).
     */
    private void reap(Assignment assignment, Region cluster) {
        List<Container> silent = containers.silentSince(cluster, clock.nanos() - settings.reapAfter().toNanos());
        boolean timedOut = pingLocks.reaperTimesOut(cluster);
        if (timedOut) {
            assignment.abortSession();
        }
        for (Container container : silent) {
            if (container.holders().isEmpty()) {
                deleteFree(container, timedOut);
            } else if (container.holders().stream().allMatch(Assignment::finished)) {
                for (Assignment holder : new ArrayList<>(container.holders())) {
                    release(holder, timedOut || holder.sessionAborted());
                }
            }
        }
    }

    @Override
    public void started(Assignment assignment, Container container) {
        scheduler.after(settings.pingDelay(), () -> firstPing(assignment, container));
    }

    @Override
    public void crossed(Assignment assignment, Container other) {
        Container own = assignment.container();
        if (own != other) {
            if (own != null) {
                assignment.container(null);
                letGo(assignment, own, assignment.sessionAborted());
            }
            hold(assignment, other);
        }
    }

    private void firstPing(Assignment assignment, Container container) {
        if (assignment.finished() || assignment.container() != container) {
            return;
        }
        container.pinged(true, clock);
        containers.pinged(container);
        assignment.cancelClientTimer();
        assignment.moveTo(AppState.READY, TaskStatus.success(container.row(assignment.account().username())));
        finished(assignment);
        if (!container.isSelfPinging()) {
            assignment.idleTimer(scheduler.after(settings.idleTimeout(), () -> release(assignment)));
        }
    }

    /** Ends the task in FAILURE with the reason; its container is deleted. A finished task stays as it is. */
    void fail(Assignment assignment, String reason) {
        if (!assignment.finished()) {
            assignment.moveTo(AppState.FAILURE, TaskStatus.failure(reason));
            finished(assignment);
            release(assignment);
        }
    }

    /** Cancels the task: CANCELLED for the user and the task; its container is deleted. No-op once finished. */
    void cancel(Assignment assignment) {
        if (!assignment.finished()) {
            assignment.moveTo(AppState.CANCELLED, TaskStatus.CANCELLED);
            finished(assignment);
            release(assignment);
        }
    }

    private void finished(Assignment assignment) {
        inFlight--;
        tasks.finished(assignment.taskId());
    }

    /** The assignment lets go of its container, which is deleted unless another still holds it. */
    void release(Assignment assignment) {
        release(assignment, assignment.sessionAborted());
    }

    // lostDeletion: the deletion, if it comes to one, goes through an aborted session
    private void release(Assignment assignment, boolean lostDeletion) {
        assignment.cancelTimers();
        Container container = assignment.container();
        if (container != null) {
            assignment.container(null);
            letGo(assignment, container, lostDeletion);
        }
        if (assignment.finished()) {
            assignment.account().end(assignment);
        }
    }

    private void letGo(Assignment assignment, Container container, boolean lostDeletion) {
        boolean lost = lostDeletion && container.holders().size() == 1;
        if (lost) {
            lostWrites.containerDeletion(container);
        }
        if (container.release(assignment)) {
            pool.letGo(container);
            hostService.forget(container);
            if (lost) {
                containers.deleteKeepingRow(container);
            } else {
                containers.delete(container);
                pool.replenish(container.region());
            }
        }
    }

    // a container no assignment holds: a prewarmed one, or one whose holders are gone
    private void deleteFree(Container container, boolean lost) {
        pool.remove(container);
        hostService.forget(container);
        if (lost) {
            lostWrites.containerDeletion(container);
            containers.deleteKeepingRow(container);
        } else {
            containers.delete(container);
            pool.replenish(container.region());
        }
    }

    /** The existing container with that id and key, or null. */
    Container container(String containerId, String secretKey) {
        Container container = containers.get(containerId);
        return container == null || !container.secretKey().equals(secretKey) ? null : container;
    }

    /**
     * {@code POST /container/delete}: the container goes at once and {@code answer} runs. A holder still in
     * flight fails. A container two assignments hold (double-assign and rendezvous-race faults) loses one
     * holder, and the answer waits until the last lets go (at most {@link #SHARED_RELEASE_WAIT}): so a user
     * who released a shared container still holds it, as the load test sees it, while the other gets it.
     */
    void delete(Container container, Runnable answer) {
        if (container.holders().isEmpty()) {
            deleteFree(container, false);
            answer.run();
            return;
        }
        boolean shared = container.holders().size() > 1;
        Assignment holder = container.holders().get(0);
        if (holder.finished()) {
            release(holder);
        } else {
            fail(holder, "container deleted before its first ping");
        }
        if (!shared) {
            answer.run();
            return;
        }
        container.whenDeleted(answer);
        scheduler.after(SHARED_RELEASE_WAIT, () -> {
            if (container.stopWaiting(answer)) {
                answer.run();
            }
        });
    }

    /** The user is being deleted: its assignment in flight is cancelled and its containers let go. */
    void endAll(Account account) {
        for (Assignment assignment : new ArrayList<>(account.live())) {
            if (assignment.finished()) {
                release(assignment);
            } else {
                cancel(assignment);
            }
        }
    }
}
