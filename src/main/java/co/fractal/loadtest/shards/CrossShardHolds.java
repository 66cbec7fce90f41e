package co.fractal.loadtest.shards;

import co.fractal.loadtest.json.Json;
import co.fractal.loadtest.results.ViolationTally;
import com.fasterxml.jackson.databind.MappingIterator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.zip.GZIPInputStream;

/**
 * EXCLUSIVE_CONTAINERS across shards: every container hold of every shard, grouped by container id and by ip:port,
 * and each hold that began while a user of another shard held the same container is a violation — seen by no
 * shard alone. Holds on shards of different hosts are compared with a clock-skew tolerance: an overlap no longer
 * than it may be two holds one after the other on clocks that disagree, so it is reported as a caveat, not counted.
 * Holds on one host share its clock: any overlap counts. (Overlaps within one shard were checked live by it.)
 * Memory: the holds of the run, about 200 bytes each.
 */
final class CrossShardHolds {
    static final int EVIDENCE_KEPT = ViolationTally.EVIDENCE_KEPT;

    private final long toleranceMicros;
    private final List<String> hosts = new ArrayList<>();
    private String[] containers = new String[1024];
    private String[] addresses = new String[1024];
    private String[] users = new String[1024];
    private int[] shards = new int[1024];
    private long[] from = new long[1024];
    private long[] to = new long[1024];
    private int size;

    private final BitSet violating = new BitSet();
    private final List<String> evidence = new ArrayList<>();
    private final BitSet withinTolerance = new BitSet();
    private String firstWithinTolerance;

    CrossShardHolds(Duration clockSkewTolerance) {
        this.toleranceMicros = clockSkewTolerance.toNanos() / 1000;
    }

    /**
     * Reads one shard's holds file.
     *
     * @throws MergeRefusedException naming the file when it cannot be read
     */
    void read(int shard, String host, Path file) {
        while (hosts.size() <= shard) {
            hosts.add(null);
        }
        hosts.set(shard, host);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
             MappingIterator<ContainerHold> holds = Json.MAPPER.readerFor(ContainerHold.class).readValues(in)) {
            while (holds.hasNextValue()) {
                add(shard, holds.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            throw new MergeRefusedException(file + " (shard " + shard + "'s container holds) cannot be read: " + e.getMessage());
        }
    }

    /** The holds that began while another shard's user held the same container, with the first pieces of evidence. */
    ViolationTally check() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        sweep(order, i -> containers[i], "container id");
        sweep(order, i -> addresses[i], "ip:port");
        return new ViolationTally(violating.cardinality(), evidence);
    }

    /** How many overlaps across hosts were within the clock-skew tolerance, with the first, or null when none. */
    String withinToleranceCaveat() {
        BitSet notCounted = (BitSet) withinTolerance.clone();
        notCounted.andNot(violating);
        if (notCounted.isEmpty()) {
            return null;
        }
        return notCounted.cardinality() + " hold(s) of a container overlapped a hold by another shard's user on another host by"
                + " no more than the " + toleranceMicros / 1000 + " ms clock-skew tolerance, and are not counted as"
                + " EXCLUSIVE_CONTAINERS violations; e.g. " + firstWithinTolerance;
    }

    private void sweep(Integer[] order, IntFunction<String> key, String by) {
        Arrays.sort(order, Comparator.comparing((Integer i) -> key.apply(i), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(i -> from[i]));
        List<Integer> active = new ArrayList<>();
        String current = null;
        for (int h : order) {
            String k = key.apply(h);
            if (k == null || k.isBlank()) {
                continue;
            }
            if (!k.equals(current)) {
                active.clear();
                current = k;
            }
            active.removeIf(a -> to[a] <= from[h]);
            for (int a : active) {
                if (shards[a] != shards[h] && !users[a].equals(users[h])) {
                    overlapping(a, h, k, by);
                }
            }
            active.add(h);
        }
    }

    private void overlapping(int earlier, int later, String key, String by) {
        long overlap = Math.min(to[earlier], to[later]) - from[later];
        boolean sameHost = hosts.get(shards[earlier]) != null && hosts.get(shards[earlier]).equals(hosts.get(shards[later]));
        String text = "container " + containers[later] + " at " + addresses[later] + " (same " + by + " " + key + ") held by "
                + users[later] + " (shard " + shards[later] + ", " + hosts.get(shards[later]) + ") from " + instant(from[later])
                + " while " + users[earlier] + " (shard " + shards[earlier] + ", " + hosts.get(shards[earlier])
                + ") held it from " + instant(from[earlier]) + " to " + instant(to[earlier]) + ": overlap "
                + overlap / 1000.0 + " ms";
        if (!sameHost && overlap <= toleranceMicros) {
            if (withinTolerance.isEmpty()) {
                firstWithinTolerance = text;
            }
            withinTolerance.set(later);
            return;
        }
        if (!violating.get(later)) {
            violating.set(later);
            if (evidence.size() < EVIDENCE_KEPT) {
                evidence.add("across shards: " + text);
            }
        }
    }

    private void add(int shard, ContainerHold hold) {
        if (size == from.length) {
            int capacity = size * 2;
            containers = Arrays.copyOf(containers, capacity);
            addresses = Arrays.copyOf(addresses, capacity);
            users = Arrays.copyOf(users, capacity);
            shards = Arrays.copyOf(shards, capacity);
            from = Arrays.copyOf(from, capacity);
            to = Arrays.copyOf(to, capacity);
        }
        containers[size] = hold.container();
        addresses[size] = hold.address();
        users[size] = hold.user();
        shards[size] = shard;
        from[size] = micros(hold.from());
        to[size] = micros(hold.to());
        size++;
    }

    private static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000 + at.getNano() / 1000;
    }

    private static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
