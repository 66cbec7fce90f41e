package co.fractal.loadtest.localserver;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting for a condition with a deadline, polling, instead of sleeping a fixed time. */
final class Await {
    private static final Duration POLL = Duration.ofMillis(10);

    private Await() {
    }

    /** Reads {@code probe} until {@code done} holds, and returns that value; fails after the deadline. */
    static <T> T until(String what, Duration deadline, Supplier<T> probe, Predicate<T> done) {
        long end = System.nanoTime() + deadline.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("not within " + deadline.toMillis() + " ms: " + what + "; last seen: " + last);
            }
            pause(POLL);
            last = probe.get();
        }
        return last;
    }

    /** Sleeps between polls of a client that polls at a fixed interval (as the load test's journeys do). */
    static void pause(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
