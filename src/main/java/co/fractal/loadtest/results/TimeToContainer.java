package co.fractal.loadtest.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Time to container (assign sent → SUCCESS seen) of the journeys that reached SUCCESS.
 *
 * @param overall  all of them
 * @param byOrigin split by how the container came, keyed prewarmed, spunUp, unknown
 */
public record TimeToContainer(LatencyDistribution overall, Map<String, LatencyDistribution> byOrigin) {

    public TimeToContainer {
        byOrigin = Collections.unmodifiableMap(new LinkedHashMap<>(byOrigin));
    }

    static TimeToContainer of(RunResults results) {
        Map<String, LatencyDistribution> byOrigin = new LinkedHashMap<>();
        results.timeToContainerByOrigin().forEach((origin, histogram) ->
                byOrigin.put(origin.key(), LatencyDistribution.of(histogram)));
        return new TimeToContainer(LatencyDistribution.of(results.timeToContainer()), byOrigin);
    }
}
