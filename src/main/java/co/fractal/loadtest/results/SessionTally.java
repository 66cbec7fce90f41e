package co.fractal.loadtest.results;

import co.fractal.loadtest.config.HostSettings;
import co.fractal.loadtest.config.SessionEnding;
import co.fractal.loadtest.config.SessionSettings;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Collects the held sessions' outcomes while the load runs, from many threads: sessions by ending, their
 * failures by phase and reason, the fate of their containers and how long they took to be gone. Memory stays
 * bounded: counters, one histogram per ending, at most {@value FailureCounts#KINDS_KEPT} failure kinds.
 */
public final class SessionTally {
    private record Kind(String phase, String reason) {
    }

    private record Tally(LongAdder count, String example) {
    }

    private final Map<SessionEnding, LongAdder> started = adders();
    private final Map<SessionEnding, LongAdder> succeeded = adders();
    private final Map<SessionEnding, LongAdder> failed = adders();
    private final Map<SessionResult.Fate, LongAdder> fates = new EnumMap<>(SessionResult.Fate.class);
    private final Map<SessionEnding, Histogram> gone = new EnumMap<>(SessionEnding.class);
    private final ConcurrentHashMap<Kind, Tally> failures = new ConcurrentHashMap<>();
    private final SessionSettings settings;
    private final HostSettings hosts;
    private final PoolTimeline pool;

    /** A tally of sessions held as {@code settings} say, beside {@code hosts}, with the pool's timeline. */
    public SessionTally(SessionSettings settings, HostSettings hosts, PoolTimeline pool) {
        this.settings = settings;
        this.hosts = hosts;
        this.pool = pool;
        for (SessionResult.Fate fate : SessionResult.Fate.values()) {
            fates.put(fate, new LongAdder());
        }
        for (SessionEnding ending : SessionEnding.values()) {
            gone.put(ending, new Histogram(JourneyLatencies.SIGNIFICANT_DIGITS));
        }
    }

    /** A session began: its container is held until its ending. */
    public void started(SessionEnding ending) {
        started.get(ending).increment();
    }

    /** A session ended, however it ended. */
    public void ended(SessionResult result) {
        (result.succeeded() ? succeeded : failed).get(result.ending()).increment();
        fates.get(result.fate()).increment();
        if (result.goneMicros() >= 0) {
            Histogram histogram = gone.get(result.ending());
            synchronized (histogram) {
                histogram.recordValue(result.goneMicros());
            }
        }
        result.failure().ifPresent(failure -> {
            Kind kind = new Kind(failure.phase(), failure.reason());
            if (!failures.containsKey(kind) && failures.size() >= FailureCounts.KINDS_KEPT) {
                kind = new Kind(failure.phase(), FailureCounts.OTHER_REASONS);
            }
            failures.computeIfAbsent(kind, k -> new Tally(new LongAdder(), Excerpt.of(failure.detail(),
                    FailureCounts.EXAMPLE_CHARS))).count().increment();
        });
    }

    /** Sessions begun and not ended yet. */
    public long open() {
        long open = 0;
        for (SessionEnding ending : SessionEnding.values()) {
            open += started.get(ending).sum() - succeeded.get(ending).sum() - failed.get(ending).sum();
        }
        return open;
    }

    /** Everything so far; sessions that began and did not end are {@code unfinished}. */
    public SessionResults snapshot() {
        Map<SessionEnding, SessionResults.ByEnding> byEnding = new EnumMap<>(SessionEnding.class);
        for (SessionEnding ending : SessionEnding.values()) {
            Histogram histogram = gone.get(ending);
            Histogram copy;
            synchronized (histogram) {
                copy = histogram.copy();
            }
            byEnding.put(ending, new SessionResults.ByEnding(started.get(ending).sum(), succeeded.get(ending).sum(),
                    failed.get(ending).sum(), copy));
        }
        Map<SessionResult.Fate, Long> fateCounts = new EnumMap<>(SessionResult.Fate.class);
        fates.forEach((fate, count) -> fateCounts.put(fate, count.sum()));
        List<SessionResults.FailureKind> kinds = new ArrayList<>();
        failures.forEach((kind, tally) -> kinds.add(new SessionResults.FailureKind(kind.phase(), kind.reason(),
                tally.count().sum(), tally.example())));
        kinds.sort(Comparator.comparingLong(SessionResults.FailureKind::count).reversed()
                .thenComparing(SessionResults.FailureKind::phase).thenComparing(SessionResults.FailureKind::reason));
        return new SessionResults(settings, hosts, byEnding, fateCounts, kinds, pool.width(), pool.snapshot());
    }

    private static Map<SessionEnding, LongAdder> adders() {
        Map<SessionEnding, LongAdder> adders = new EnumMap<>(SessionEnding.class);
        for (SessionEnding ending : SessionEnding.values()) {
            adders.put(ending, new LongAdder());
        }
        return adders;
    }
}
