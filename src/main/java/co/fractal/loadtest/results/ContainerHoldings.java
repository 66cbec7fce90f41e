package co.fractal.loadtest.results;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which journey holds which container, by container id and by host:port, for the EXCLUSIVE_CONTAINERS
 * invariant. An entry lives from {@code acquire} to {@code release}, so memory is bounded by the containers
 * held at once. Each check-and-claim is one atomic {@code putIfAbsent}, so two threads claiming the same
 * container cannot both succeed unnoticed.
 */
final class ContainerHoldings {

    private record Holding(String journeyId, String containerId, String hostAndPort, Instant since) {
    }

    private final ConcurrentHashMap<String, Holding> byContainer = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Holding> byAddress = new ConcurrentHashMap<>();

    /**
     * Claims the container (either key may be null or blank when unknown); a violation naming both journeys
     * when another journey holds the same container id or the same host:port.
     */
    Optional<Violation> acquire(String journeyId, String containerId, String hostAndPort, Instant at) {
        Holding claim = new Holding(journeyId, containerId, hostAndPort, at);
        Holding sameId = present(containerId) ? other(byContainer.putIfAbsent(containerId, claim), journeyId) : null;
        Holding sameAddress = present(hostAndPort) ? other(byAddress.putIfAbsent(hostAndPort, claim), journeyId) : null;
        if (sameId == null && sameAddress == null) {
            return Optional.empty();
        }
        List<String> conflicts = new ArrayList<>(2);
        if (sameId != null) {
            conflicts.add("journey " + sameId.journeyId() + " holds container id " + containerId + " since " + sameId.since());
        }
        if (sameAddress != null) {
            conflicts.add("journey " + sameAddress.journeyId() + " holds host:port " + hostAndPort + " (container "
                    + sameAddress.containerId() + ") since " + sameAddress.since());
        }
        return Optional.of(new Violation(Invariant.EXCLUSIVE_CONTAINERS, "container " + containerId + " at "
                + hostAndPort + " acquired by journey " + journeyId + " at " + at + " while "
                + String.join(", and ", conflicts)));
    }

    /** Frees what this journey holds under these keys; a key held by another journey stays held. */
    void release(String journeyId, String containerId, String hostAndPort) {
        free(byContainer, containerId, journeyId);
        free(byAddress, hostAndPort, journeyId);
    }

    private static void free(ConcurrentHashMap<String, Holding> holdings, String key, String journeyId) {
        Holding holder = present(key) ? holdings.get(key) : null;
        if (holder != null && holder.journeyId().equals(journeyId)) {
            holdings.remove(key, holder);
        }
    }

    /** The holder when it is another journey than this one. */
    private static Holding other(Holding holder, String journeyId) {
        return holder == null || holder.journeyId().equals(journeyId) ? null : holder;
    }

    private static boolean present(String key) {
        return key != null && !key.isBlank();
    }
}
