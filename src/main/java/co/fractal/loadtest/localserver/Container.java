package co.fractal.loadtest.localserver;

import java.util.ArrayList;
import java.util.List;

/**
 * One container on the host 127.0.0.1: its identity, ports and key, and (guarded by the state lock) its
 * state, its pings and the assignments holding it. Without faults at most one assignment holds a container;
 * the double-assign and rendezvous-race faults let two hold it, and it is deleted when the last lets go; a
 * release by one of them is answered only then (see {@link AssignmentWorker#delete}).
 */
final class Container {
    /** The host every container runs on: where the host service listens. */
    static final String IP = "127.0.0.1";

    /**
     * A container's lifecycle as {@code /admin/containers} shows it. STOPPING is a row whose deletion began
     * and was lost (lock-timeout faults): pings no longer change its state, as in 2021.
     */
    enum State { CREATING, RUNNING_UNAVAILABLE, RUNNING_AVAILABLE, STOPPING }

    private final String id;
    private final Region region;
    private final int firstPort;
    private final String secretKey;
    private final List<Assignment> holders = new ArrayList<>(1);
    private List<Runnable> whenDeleted;
    private State state;
    private App app;
    private App heldAs;
    private int dpi = 96;
    private long lastPinged;
    private long lastPingNanos;
    private boolean pinged;
    private boolean selfPinging;
    private boolean deleted;

    Container(String id, Region region, int firstPort, String secretKey, State state) {
        this.id = id;
        this.region = region;
        this.firstPort = firstPort;
        this.secretKey = secretKey;
        this.state = state;
    }

    String id() {
        return id;
    }

    Region region() {
        return region;
    }

    /** {@code port_32262}: the port the host service knows this container by. */
    int port() {
        return firstPort;
    }

    String secretKey() {
        return secretKey;
    }

    State state() {
        return state;
    }

    void state(State state) {
        this.state = state;
    }

    boolean deleted() {
        return deleted;
    }

    /** The container is gone: every release waiting for that is answered. */
    void markDeleted() {
        deleted = true;
        if (whenDeleted != null) {
            List<Runnable> waiting = whenDeleted;
            whenDeleted = null;
            waiting.forEach(Runnable::run);
        }
    }

    /** Runs {@code answer} once the container is deleted. */
    void whenDeleted(Runnable answer) {
        if (whenDeleted == null) {
            whenDeleted = new ArrayList<>(2);
        }
        whenDeleted.add(answer);
    }

    /** Gives up waiting: removes {@code answer} and says whether it was still waiting. */
    boolean stopWaiting(Runnable answer) {
        return whenDeleted != null && whenDeleted.remove(answer);
    }

    /** The assignments holding it, the latest last. */
    List<Assignment> holders() {
        return holders;
    }

    /**
     * An assignment takes the container: it now runs the assignment's app at its DPI. True when it was free
     * until now; it then counts as held for that app until the last holder lets go ({@link #heldAs}).
     */
    boolean hold(Assignment assignment) {
        boolean first = holders.isEmpty();
        holders.add(assignment);
        app = assignment.app();
        dpi = assignment.dpi();
        if (first) {
            heldAs = app;
        }
        return first;
    }

    /** The app it counts as held for: its first holder's. */
    App heldAs() {
        return heldAs;
    }

    /** The assignment lets go; true when no one holds it any more. */
    boolean release(Assignment assignment) {
        holders.remove(assignment);
        return holders.isEmpty();
    }

    /** The assignment that wrote last to the row (the row's user), or null for a free container. */
    Assignment lastHolder() {
        return holders.isEmpty() ? null : holders.get(holders.size() - 1);
    }

    /**
     * A ping, now: {@code last_pinged} moves and the state becomes RUNNING_AVAILABLE ({@code available}: no
     * client connected) or RUNNING_UNAVAILABLE, except while STOPPING.
     */
    void pinged(boolean available, ServerClock clock) {
        pinged = true;
        lastPingNanos = clock.nanos();
        lastPinged = clock.epochSecond();
        if (state != State.STOPPING) {
            state = available ? State.RUNNING_AVAILABLE : State.RUNNING_UNAVAILABLE;
        }
    }

    /** When it last pinged, in {@link ServerClock#nanos()}; meaningful once it has pinged. */
    long lastPingNanos() {
        return lastPingNanos;
    }

    /** Its pings come over HTTP: the container pings by itself (the load test holds it). */
    void markSelfPinging() {
        selfPinging = true;
    }

    boolean isSelfPinging() {
        return selfPinging;
    }

    /** The row as {@code /mandelbox/protocol_info} gives it, for that user (or none). */
    AnswerBodies.ProtocolInfo protocolInfo(String userId) {
        return new AnswerBodies.ProtocolInfo(secretKey, id, userId, dpi, state.name());
    }

    /** The row a task reports for the user it assigned this container to. */
    ContainerRow row(String userId) {
        return new ContainerRow(id, IP, region.id(), state.name(), userId, app == null ? null : app.taskDefinition(),
                app == null ? 0 : app.taskVersion(), firstPort, firstPort + 1, firstPort + 2, lastPinged,
                region.cluster(), dpi, secretKey);
    }

    /** The container as {@code /admin/containers} lists it. */
    AnswerBodies.ContainerListing listing() {
        return listing(lastHolder());
    }

    /** The container as {@code /admin/containers} lists it with that holder (the row's user), or none. */
    AnswerBodies.ContainerListing listing(Assignment holder) {
        return new AnswerBodies.ContainerListing(id, holder == null ? null : holder.account().username(), state.name(),
                IP, firstPort, region.id(), holder == null ? null : holder.taskId().toString(),
                pinged ? lastPinged : null, app == null ? null : app.displayName(), region.cluster());
    }
}
