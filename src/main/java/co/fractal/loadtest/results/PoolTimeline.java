package co.fractal.loadtest.results;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How the prewarmed pool behaved over the run, in buckets of equal length (10 s, or longer so that the run's cap
 * fits in {@value #MAX_BUCKETS}): containers acquired by origin, their time to container, and the pool's size when
 * the webserver tells it. Recorded from many threads; memory bounded by the bucket count.
 */
public final class PoolTimeline {
    static final int MAX_BUCKETS = 360;
    private static final Duration MIN_WIDTH = Duration.ofSeconds(10);

    /**
     * One bucket.
     *
     * @param at         its start
     * @param prewarmed  containers acquired from the pool
     * @param spunUp     containers spun up for their user
     * @param unknown    containers whose origin the webserver did not say
     * @param p50Ms      their time to container, median (null when none)
     * @param p95Ms      95th percentile
     * @param poolSize   prewarmed containers free when last sampled in the bucket, or null
     */
    public record Point(Instant at, long prewarmed, long spunUp, long unknown, Double p50Ms, Double p95Ms, Long poolSize) {
    }

    private static final class Bucket {
        final LongAdder[] origins = {new LongAdder(), new LongAdder(), new LongAdder()};
        final ConcurrentHistogram micros = new ConcurrentHistogram(2);
        volatile long poolSize = -1;
    }

    private final Clock clock;
    private final Instant start;
    private final long widthMillis;
    private final ConcurrentHashMap<Long, Bucket> buckets = new ConcurrentHashMap<>();

    /** A timeline from now, for a run capped at {@code horizon}. */
    public PoolTimeline(Clock clock, Duration horizon) {
        this.clock = clock;
        this.start = clock.instant();
        this.widthMillis = Math.max(MIN_WIDTH.toMillis(), (horizon.toMillis() + MAX_BUCKETS - 1) / MAX_BUCKETS);
    }

    /** A container was acquired now, from this origin, this long after its assign. */
    public void acquired(ContainerOrigin origin, long timeToContainerMicros) {
        Bucket bucket = bucket();
        bucket.origins[origin.ordinal()].increment();
        bucket.micros.recordValue(Math.max(0, timeToContainerMicros));
    }

    /** The webserver says this many prewarmed containers are free now. */
    public void poolSize(long free) {
        bucket().poolSize = free;
    }

    /** The bucket width. */
    public Duration width() {
        return Duration.ofMillis(widthMillis);
    }

    /** Every bucket that saw something, in time order. */
    public List<Point> snapshot() {
        List<Point> points = new ArrayList<>();
        buckets.keySet().stream().sorted().forEach(index -> {
            Bucket bucket = buckets.get(index);
            Histogram micros = bucket.micros.copy();
            boolean any = micros.getTotalCount() > 0;
            points.add(new Point(start.plusMillis(index * widthMillis), bucket.origins[0].sum(), bucket.origins[1].sum(),
                    bucket.origins[2].sum(), any ? micros.getValueAtPercentile(50) / 1000.0 : null,
                    any ? micros.getValueAtPercentile(95) / 1000.0 : null, bucket.poolSize < 0 ? null : bucket.poolSize));
        });
        return points;
    }

    private Bucket bucket() {
        long index = Math.max(0, (clock.millis() - start.toEpochMilli()) / widthMillis);
        return buckets.computeIfAbsent(index, i -> new Bucket());
    }
}
