package co.fractal.loadtest.localserver;

import io.netty.handler.codec.http.HttpResponseStatus;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * The host service of the one container host: the two-party rendezvous. The webserver hands it a
 * container's start values with a fresh {@code client_app_auth_secret} (in-process); the client hands it
 * its config token with the same secret ({@code PUT /set_config_encryption_token}); when both are in, the
 * container starts and will ping. Rendezvous are kept by (host_port, secret), so a container two
 * assignments share (double-assign fault) serves both. Under the state lock.
 *
 * <p>With the rendezvous-race fault the hand-over looks up "the" pending rendezvous before taking its lock —
 * the oldest one pending on the host — and takes {@link #RACE_WINDOW} to get the lock: a token arriving
 * while another assignment's rendezvous is pending starts that other container, for both assignments.
 */
final class HostService {
    /** Rendezvous-race fault: time from the unlocked lookup to the lock. */
    static final Duration RACE_WINDOW = Duration.ofMillis(500);
    private static final HttpResponseStatus NOT_ACCEPTABLE = HttpResponseStatus.NOT_ACCEPTABLE;

    /** What the webserver side learns from the host service. */
    interface Listener {
        /** The rendezvous of the assignment on the container is complete: the container starts for it. */
        void started(Assignment assignment, Container container);

        /** Rendezvous race: the assignment's token started another container, which now runs for it too. */
        void crossed(Assignment assignment, Container other);
    }

    /** One rendezvous: the start values of one assignment on one container, and whether the token came. */
    private static final class Rendezvous {
        final Container container;
        final Assignment assignment;
        final String secret;
        Rendezvous next;
        boolean tokenArrived;
        boolean started;

        Rendezvous(Container container, Assignment assignment, String secret) {
            this.container = container;
            this.assignment = assignment;
            this.secret = secret;
        }
    }

    private final Map<Integer, Rendezvous> byPort = new HashMap<>();
    private final LinkedHashSet<Rendezvous> pending = new LinkedHashSet<>();
    private final boolean race;
    private final Scheduler scheduler;
    private final Listener listener;

    HostService(boolean race, Scheduler scheduler, Listener listener) {
        this.race = race;
        this.scheduler = scheduler;
        this.listener = listener;
    }

    /** The webserver's half: the container will serve the assignment once a token with this secret comes. */
    void startValues(Container container, Assignment assignment, String secret) {
        Rendezvous rendezvous = new Rendezvous(container, assignment, secret);
        rendezvous.next = byPort.get(container.port());
        byPort.put(container.port(), rendezvous);
        if (race) {
            pending.add(rendezvous);
        }
    }

    /** The container is gone: so are its rendezvous. */
    void forget(Container container) {
        Rendezvous first = byPort.get(container.port());
        if (first == null || first.container != container) {
            return;
        }
        byPort.remove(container.port());
        if (race) {
            for (Rendezvous r = first; r != null; r = r.next) {
                pending.remove(r);
            }
        }
    }

    /**
     * The client's half. Answers 200 {@code {"result":""}} through the responder (at once, or after the race
     * window under the rendezvous-race fault); 406 when no container is at the port, the secret or the user
     * does not match. Handing over the same token again is accepted and changes nothing.
     */
    void handOver(String userId, int hostPort, String secret, Responder responder) {
        Rendezvous own = find(hostPort, secret);
        if (!own.assignment.account().username().equals(userId)) {
            throw new ApiException(NOT_ACCEPTABLE, "user_id '" + userId + "' is not the user of the container at host_port "
                    + hostPort);
        }
        if (own.tokenArrived || own.started) {
            responder.send(Response.rendered(AnswerBodies.HostServiceResult.ACCEPTED));
            return;
        }
        own.tokenArrived = true;
        if (!race) {
            start(own);
            responder.send(Response.rendered(AnswerBodies.HostServiceResult.ACCEPTED));
            return;
        }
        Rendezvous looked = pending.iterator().next();
        scheduler.after(RACE_WINDOW, () -> {
            settle(own, looked);
            responder.send(Response.rendered(AnswerBodies.HostServiceResult.ACCEPTED));
        });
    }

    private Rendezvous find(int hostPort, String secret) {
        Rendezvous first = byPort.get(hostPort);
        if (first == null) {
            throw new ApiException(NOT_ACCEPTABLE, "no container at host_port " + hostPort);
        }
        for (Rendezvous r = first; r != null; r = r.next) {
            if (r.secret.equals(secret)) {
                return r;
            }
        }
        throw new ApiException(NOT_ACCEPTABLE, "client_app_auth_secret does not match the container at host_port " + hostPort);
    }

    private void start(Rendezvous rendezvous) {
        rendezvous.started = true;
        pending.remove(rendezvous);
        listener.started(rendezvous.assignment, rendezvous.container);
    }

    // rendezvous-race: the lock is taken now, with what the lookup before it found
    private void settle(Rendezvous own, Rendezvous looked) {
        pending.remove(own);
        if (looked == own || !current(looked)) {
            if (current(own) && !own.assignment.finished()) {
                start(own);
            }
            return;
        }
        if (!looked.started) {
            start(looked);
        }
        if (!own.assignment.finished()) {
            listener.crossed(own.assignment, looked.container);
            listener.started(own.assignment, looked.container);
        }
    }

    // its container still runs on the host (a finished assignment's container runs on until released)
    private boolean current(Rendezvous rendezvous) {
        if (rendezvous.container.deleted()) {
            return false;
        }
        for (Rendezvous r = byPort.get(rendezvous.container.port()); r != null; r = r.next) {
            if (r == rendezvous) {
                return true;
            }
        }
        return false;
    }
}
