package co.fractal.loadtest.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One shard of a run spread over {@code count} load generators: shard {@code index} (from 0) runs a contiguous
 * slice of the run's users, disjoint from every other shard's, the slices' sizes differing by at most one —
 * Gatling's own split ({@code io.gatling.core.util.Shard.shard(total, index, count)}), arithmetic included.
 *
 * @param index this shard, from 0
 * @param count how many shards the run has
 */
public record Shard(int index, int count) {
    /** The most shards a run may have. */
    public static final int MAX_COUNT = 1000;
    /** The accepted form, for error messages. */
    public static final String ACCEPTED = "expected <index>/<count> with 0 ≤ index < count ≤ " + MAX_COUNT
            + ", e.g. -Dshard=0/3";
    private static final Pattern FORM = Pattern.compile("(\\d{1,4})/(\\d{1,4})");

    public Shard {
        if (count < 1 || count > MAX_COUNT || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " is not accepted; " + ACCEPTED);
        }
    }

    /** The shard {@code <index>/<count>} names, if it is one. */
    public static Optional<Shard> parse(String text) {
        Matcher matcher = FORM.matcher(text.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int index = Integer.parseInt(matcher.group(1));
        int count = Integer.parseInt(matcher.group(2));
        return count >= 1 && count <= MAX_COUNT && index < count ? Optional.of(new Shard(index, count)) : Optional.empty();
    }

    /**
     * This shard's users among {@code total}: users {@code first} … {@code first + size − 1} of the run.
     *
     * @param first the global index of the slice's first user
     * @param size  how many users
     */
    public record Slice(int first, int size) {
        /** True when the run's user {@code globalIndex} is in this slice. */
        public boolean contains(long globalIndex) {
            return globalIndex >= first && globalIndex < (long) first + size;
        }

        /** E.g. "users 10–19". */
        @Override
        public String toString() {
            return size == 0 ? "no users" : "users " + first + "–" + (first + size - 1);
        }
    }

    /** This shard's slice of {@code total} users, exactly as Gatling shards them. */
    public Slice slice(int total) {
        long offset = sumFromZero(total, index - 1);
        return new Slice((int) offset, (int) (sumFromZero(total, index) - offset));
    }

    /** This shard's share of the run: its users over the run's. */
    public double share(int total) {
        return total == 0 ? 0 : (double) slice(total).size() / total;
    }

    /** This shard's part of a run's load: its slice of the users, the spawn rate scaled by its share. */
    public LoadShape share(LoadShape run) {
        return new LoadShape(run.profile(), slice(run.users()).size(), run.spawnRate() * share(run.users()));
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }

    // users of shards 0..i together, as Gatling's Shard.sumFromZero computes them
    private long sumFromZero(long total, int i) {
        if (i == -1) {
            return 0;
        }
        if (i == count - 1) {
            return total;
        }
        return (long) Math.ceil(total / (double) count * (i + 1));
    }
}
