package co.fractal.loadtest.management;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A progress line for long work ("provisioned 40/100 users, 12/s"): printed at most every couple of
 * seconds while work goes on, and once at the end.
 */
final class Progress {
    private static final long INTERVAL_NANOS = Duration.ofSeconds(2).toNanos();

    private final String verb;
    private final String noun;
    private final int total;
    private final Consumer<String> out;
    private final long startedAt = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicLong lastPrinted = new AtomicLong(System.nanoTime());

    Progress(String verb, String noun, int total, Consumer<String> out) {
        this.verb = verb;
        this.noun = noun;
        this.total = total;
        this.out = out;
    }

    /** One more item done; prints a line when the last one is old enough. */
    void step() {
        int now = done.incrementAndGet();
        long last = lastPrinted.get();
        long time = System.nanoTime();
        if (time - last >= INTERVAL_NANOS && lastPrinted.compareAndSet(last, time)) {
            out.accept(line(now, ""));
        }
    }

    /** A line about a wait that holds the work up. */
    void waiting(String why) {
        out.accept(line(done.get(), " (" + why + ")"));
    }

    /** The final line. */
    void finish(String extra) {
        out.accept(line(done.get(), extra.isEmpty() ? "" : ", " + extra));
    }

    private String line(int count, String extra) {
        double seconds = Math.max(1e-3, (System.nanoTime() - startedAt) / 1e9);
        return String.format("%s %d/%d %s in %.1f s, %.0f/s%s", verb, count, total, noun, seconds, count / seconds, extra);
    }
}
