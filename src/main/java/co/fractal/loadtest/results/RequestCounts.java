package co.fractal.loadtest.results;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/** HTTP answers counted by endpoint name and status (0 = no answer); one counter per pair actually seen. */
final class RequestCounts {
    private static final int STATUSES = 1000;

    private final ConcurrentHashMap<String, AtomicReferenceArray<LongAdder>> byEndpoint = new ConcurrentHashMap<>();

    void add(String endpoint, int status) {
        if (status < 0 || status >= STATUSES) {
            throw new IllegalArgumentException("status " + status + " of endpoint " + endpoint
                    + " is not accepted; expected 0 (no answer) or an HTTP status from 100 to 999");
        }
        AtomicReferenceArray<LongAdder> counters = byEndpoint.get(endpoint);
        if (counters == null) {
            counters = byEndpoint.computeIfAbsent(endpoint, e -> new AtomicReferenceArray<>(STATUSES));
        }
        LongAdder counter = counters.get(status);
        if (counter == null) {
            counters.compareAndSet(status, null, new LongAdder());
            counter = counters.get(status);
        }
        counter.increment();
    }

    /** Endpoint → status → count, both sorted. */
    Map<String, Map<Integer, Long>> snapshot() {
        Map<String, Map<Integer, Long>> snapshot = new TreeMap<>();
        byEndpoint.forEach((endpoint, counters) -> {
            Map<Integer, Long> statuses = new TreeMap<>();
            for (int status = 0; status < STATUSES; status++) {
                LongAdder counter = counters.get(status);
                if (counter != null) {
                    statuses.put(status, counter.sum());
                }
            }
            snapshot.put(endpoint, statuses);
        });
        return snapshot;
    }
}
