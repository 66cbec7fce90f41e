package co.fractal.loadtest.localserver;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The task results {@code /status} reads (Celery's result backend in 2021): every task by id. A finished
 * task's result stays readable for the retention time, then its id reads as unknown (PENDING), which keeps
 * memory flat however many journeys a server sees.
 */
final class TaskStore {
    private record Expiry(UUID id, long atNanos) {
    }

    private final ConcurrentHashMap<UUID, Task> tasks = new ConcurrentHashMap<>();
    private final ArrayDeque<Expiry> finished = new ArrayDeque<>();
    private final long retentionNanos;

    TaskStore(Duration retention) {
        this.retentionNanos = retention.toNanos();
    }

    void add(UUID id, Task task) {
        tasks.put(id, task);
    }

    /** The task, or null when unknown or expired. Lock-free. */
    Task get(UUID id) {
        return tasks.get(id);
    }

    /** The task finished: its result expires after the retention time. Under the state lock. */
    void finished(UUID id) {
        finished.add(new Expiry(id, System.nanoTime() + retentionNanos));
    }

    /** A task that is finished as it is added (a deletion). Under the state lock. */
    void addFinished(UUID id, TaskStatus status) {
        add(id, status);
        finished(id);
    }

    /** Forgets results past their retention. Under the state lock. */
    void expire() {
        long now = System.nanoTime();
        while (!finished.isEmpty() && finished.peekFirst().atNanos() - now <= 0) {
            tasks.remove(finished.pollFirst().id());
        }
    }
}
