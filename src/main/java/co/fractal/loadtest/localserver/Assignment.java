package co.fractal.loadtest.localserver;

import java.util.UUID;

/**
 * One assign request's task and the user app state it drives. Its fields change under the state lock; what
 * {@code /status} and {@code /host_service} read is published as immutable snapshots ({@link #status()},
 * {@link #hostJson()}), so those reads take no lock. Once finished (SUCCESS, FAILURE, CANCELLED) its task
 * never changes again.
 */
final class Assignment implements Task {
    /** How the assignment's container came, as {@code /host_service} says in {@code container_origin}. */
    enum Origin { PREWARMED, SPUN_UP }

    private final UUID taskId;
    private final Account account;
    private final App app;
    private final Region region;
    private final int dpi;

    private AppState appState = AppState.PENDING;
    private Origin origin;
    private Container container;
    private String secret;
    private int shownPort;
    private Scheduler.Pending clientTimer = Scheduler.Pending.NONE;
    private Scheduler.Pending idleTimer = Scheduler.Pending.NONE;
    private boolean sessionAborted;
    private int finishedReads;

    private volatile TaskStatus status = TaskStatus.QUEUED;
    private volatile String hostJson;

    Assignment(UUID taskId, Account account, App app, Region region, int dpi) {
        this.taskId = taskId;
        this.account = account;
        this.app = app;
        this.region = region;
        this.dpi = dpi;
        this.hostJson = renderHost();
    }

    UUID taskId() {
        return taskId;
    }

    Account account() {
        return account;
    }

    App app() {
        return app;
    }

    Region region() {
        return region;
    }

    int dpi() {
        return dpi;
    }

    AppState appState() {
        return appState;
    }

    /** True once the task is SUCCESS, FAILURE or CANCELLED. */
    boolean finished() {
        return status.state().finished();
    }

    @Override
    public TaskStatus status() {
        return status;
    }

    /** The {@code /host_service} answer for this assignment's user. Lock-free. */
    String hostJson() {
        return hostJson;
    }

    /** Moves the user's state and the task's status together. */
    void moveTo(AppState newState, TaskStatus newStatus) {
        appState = newState;
        status = newStatus;
        hostJson = renderHost();
    }

    Container container() {
        return container;
    }

    void container(Container container) {
        this.container = container;
    }

    /** How its container came; null until one is picked. */
    Origin origin() {
        return origin;
    }

    void origin(Origin origin) {
        this.origin = origin;
    }

    /**
     * The container's host has the start values: the user's client may now hand over its token, at the
     * container's port with this secret.
     */
    void waitForClient(String clientSecret, int port) {
        secret = clientSecret;
        shownPort = port;
        moveTo(AppState.WAITING_FOR_CLIENT_APP, TaskStatus.started("Waiting for the client app"));
    }

    void clientTimer(Scheduler.Pending timer) {
        clientTimer = timer;
    }

    void idleTimer(Scheduler.Pending timer) {
        idleTimer = timer;
    }

    void cancelClientTimer() {
        clientTimer.cancel();
        clientTimer = Scheduler.Pending.NONE;
    }

    /** Its container pings by itself: it no longer idles out. */
    void cancelIdleTimer() {
        idleTimer.cancel();
        idleTimer = Scheduler.Pending.NONE;
    }

    void cancelTimers() {
        cancelClientTimer();
        cancelIdleTimer();
    }

    /** Lock-timeout fault: this assignment's database session is aborted; its later writes are lost. */
    void abortSession() {
        sessionAborted = true;
        account.abortSession();
    }

    boolean sessionAborted() {
        return sessionAborted;
    }

    /**
     * Mixed-status fault: whether this read of the finished task mixes a pending state with the result. Reads
     * alternate, the first one right.
     */
    synchronized boolean mixesThisRead() {
        return finishedReads++ % 2 == 1;
    }

    private String renderHost() {
        boolean known = appState == AppState.WAITING_FOR_CLIENT_APP || appState == AppState.READY;
        String containerOrigin = origin == null ? null : origin == Origin.PREWARMED ? "prewarmed" : "spun_up";
        return Response.render(known
                ? new AnswerBodies.HostInfo(Container.IP, shownPort, secret, appState.name(), containerOrigin)
                : new AnswerBodies.HostInfo(null, null, null, appState.name(), containerOrigin));
    }
}
