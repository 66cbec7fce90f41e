package co.fractal.loadtest.results;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * A latency distribution as the summary shows it, in milliseconds (to the microsecond), with the histogram
 * itself kept so runs can be merged later. The statistics are null when nothing was recorded.
 *
 * @param count     values recorded
 * @param minMs     smallest
 * @param p50Ms     median
 * @param p90Ms     90th percentile
 * @param p95Ms     95th percentile
 * @param p99Ms     99th percentile
 * @param maxMs     largest
 * @param meanMs    arithmetic mean
 * @param histogram the HdrHistogram (values in microseconds) in its compressed encoding, base64; see {@link #decode()}
 */
public record LatencyDistribution(long count, Double minMs, Double p50Ms, Double p90Ms, Double p95Ms, Double p99Ms,
                                  Double maxMs, Double meanMs, String histogram) {

    /** The distribution of a histogram of microseconds. */
    public static LatencyDistribution of(Histogram micros) {
        ByteBuffer buffer = ByteBuffer.allocate(micros.getNeededByteBufferCapacity());
        int length = micros.encodeIntoCompressedByteBuffer(buffer);
        String encoded = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
        long count = micros.getTotalCount();
        if (count == 0) {
            return new LatencyDistribution(0, null, null, null, null, null, null, null, encoded);
        }
        return new LatencyDistribution(count, ms(micros.getMinValue()), ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(90)), ms(micros.getValueAtPercentile(95)),
                ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()), Math.round(micros.getMean()) / 1000.0,
                encoded);
    }

    /**
     * The histogram back, in microseconds, e.g. to {@link Histogram#add add} several runs together.
     *
     * @throws IllegalArgumentException when {@code histogram} is not a base64 compressed HdrHistogram
     */
    public Histogram decode() {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(histogram)), 0);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("histogram '" + Excerpt.of(histogram, 40)
                    + "' is not accepted; expected a base64 compressed HdrHistogram", e);
        }
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
