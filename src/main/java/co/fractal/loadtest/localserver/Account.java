package co.fractal.loadtest.localserver;

import java.util.ArrayList;
import java.util.List;

/**
 * A registered user: its name, creation time, bearer token, and the assignments it has that are not over
 * (in flight, or holding a container). Changes under the state lock; {@link #current()} is published for
 * lock-free reads.
 */
final class Account {
    private final String username;
    private final long createdTimestamp;
    private final String token;
    private final List<Assignment> live = new ArrayList<>(1);
    private volatile Assignment current;
    private boolean sessionAborted;

    Account(String username, long createdTimestamp, String token) {
        this.username = username;
        this.createdTimestamp = createdTimestamp;
        this.token = token;
    }

    String username() {
        return username;
    }

    long createdTimestamp() {
        return createdTimestamp;
    }

    String token() {
        return token;
    }

    /** The user's latest assignment, whose state is the user's app state; null when none. */
    Assignment current() {
        return current;
    }

    /** The assignments not over yet. */
    List<Assignment> live() {
        return live;
    }

    /** A new assignment becomes the user's current one. */
    void begin(Assignment assignment) {
        current = assignment;
        live.add(assignment);
    }

    /**
     * The assignment is over (finished, container let go). A READY one leaves the user without an app
     * state; FAILURE and CANCELLED stay readable until the next assignment.
     */
    void end(Assignment assignment) {
        live.remove(assignment);
        if (current == assignment && assignment.appState() == AppState.READY) {
            current = null;
        }
    }

    /** The {@code /host_service} answer for this user. Lock-free. */
    String hostJson() {
        Assignment assignment = current;
        return assignment == null ? AnswerBodies.HostInfo.NONE : assignment.hostJson();
    }

    /** Lock-timeout fault: one of the user's assignments runs on an aborted session. */
    void abortSession() {
        sessionAborted = true;
    }

    boolean sessionAborted() {
        return sessionAborted;
    }

    /** The user as {@code /admin/users} lists it. */
    AnswerBodies.UserListing listing() {
        Assignment assignment = current;
        Container container = null;
        for (Assignment a : live) {
            if (a.container() != null) {
                container = a.container();
            }
        }
        return new AnswerBodies.UserListing(username, createdTimestamp,
                assignment == null ? null : assignment.appState().name(),
                assignment == null ? null : assignment.taskId().toString(), container == null ? null : container.id());
    }
}
