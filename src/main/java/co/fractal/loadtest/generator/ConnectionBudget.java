package co.fractal.loadtest.generator;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connections the load may hold, as a cap on requests in flight: a request takes a permit before it is sent and
 * gives it back once answered (or when its journey ends), and a request that finds none waits — so excess requests
 * wait instead of opening sockets.
 * <p>
 * Why requests and not connections: Gatling has no cap on the connections of ordinary requests
 * ({@code maxConnectionsPerHost} only paces the fetching of a page's resources), and with shared connections every
 * request that finds no idle pooled connection opens a socket. Its pools are per event loop and per remote (the
 * webserver, the host service), so {@code n} requests in flight never need more than {@code n × event loops × 2}
 * sockets: the budget allows {@code connections ÷ (2 × event loops)} requests at once.
 * <p>
 * A journey has at most one request in flight, so permits are held by journey id; releasing is idempotent. Once
 * {@linkplain #close() closed} — the load stopped, the teardown began — no request goes any more: the journeys still
 * running are frozen where they are, and the teardown works on what they hold.
 */
public final class ConnectionBudget {
    /** Remotes the journeys talk to, each with its own pools: the webserver and the host service. */
    static final int REMOTES = 2;
    private static final Duration SHORTEST_WAIT = Duration.ofMillis(20);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(1);

    private final int connections;
    private final int permits;
    private final AtomicInteger held = new AtomicInteger();
    private final Set<String> holders = ConcurrentHashMap.newKeySet();
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param connections the connections the load may hold
     * @param eventLoops  the load generator's event loops (one connection pool each)
     */
    public ConnectionBudget(int connections, int eventLoops) {
        this.connections = connections;
        this.permits = Math.max(1, connections / (REMOTES * Math.max(1, eventLoops)));
    }

    /** A request of this journey may go now (it takes a permit, or holds one already); false: it must wait. */
    public boolean tryAcquire(String journey) {
        if (closed) {
            waiting.add(journey);
            return false;
        }
        if (holders.contains(journey)) {
            return true;
        }
        int now;
        do {
            now = held.get();
            if (now >= permits) {
                waiting.add(journey);
                return false;
            }
        } while (!held.compareAndSet(now, now + 1));
        holders.add(journey);
        waiting.remove(journey);
        return true;
    }

    /** The journey's request was answered, or the journey ended: its permit (if any) is free again. */
    public void release(String journey) {
        waiting.remove(journey);
        if (holders.remove(journey)) {
            held.decrementAndGet();
        }
    }

    /**
     * How long a waiting request pauses before it tries again: longer as more wait, so that the waiting cost the
     * event loops about the same whatever their number (some ten thousand tries a second at most).
     */
    public Duration retryPause() {
        long millis = waiting.size() / 10;
        return Duration.ofMillis(Math.max(SHORTEST_WAIT.toMillis(), Math.min(LONGEST_WAIT.toMillis(), millis)));
    }

    /** No request goes from now on. */
    public void close() {
        closed = true;
    }

    /** The connections the load may hold. */
    public int connections() {
        return connections;
    }

    /** Requests that may be in flight at once. */
    public int permits() {
        return permits;
    }

    /** Requests in flight now. */
    public int inFlight() {
        return held.get();
    }

    /** Requests waiting for a permit now. */
    public int waiting() {
        return waiting.size();
    }
}
