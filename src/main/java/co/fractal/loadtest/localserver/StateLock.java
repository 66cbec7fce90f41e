package co.fractal.loadtest.localserver;

import java.util.function.Supplier;

/**
 * The one lock every state change takes: claims, transitions, deletions, the rendezvous. Each change is O(1)
 * and short, so one lock costs nothing measurable on two cores and makes it evident that no interleaving
 * can hand a container to two users. Reads that are hot ({@code /status}, {@code /host_service}) do not take
 * it: they read immutable snapshots the changes publish. Re-entrant.
 */
final class StateLock {

    void run(Runnable change) {
        synchronized (this) {
            change.run();
        }
    }

    <T> T call(Supplier<T> change) {
        synchronized (this) {
            return change.get();
        }
    }
}
