package co.fractal.loadtest.localserver;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;
import java.util.UUID;

/**
 * The JSON bodies the reference webserver and its host service answer with, as the 2021 webserver wrote them
 * (snake_case names), rendered by the process's one mapper ({@link Response#render}).
 */
final class AnswerBodies {
    private AnswerBodies() {
    }

    /** {@code {"ID": <task uuid>}}: the task an assign or a container deletion started. */
    record TaskStarted(@JsonProperty("ID") UUID id) {
    }

    /** {@code {"status":"OK"}}: a ping was taken. */
    record Status(String status) {
    }

    /** {@code /mandelbox/protocol_info}: the container's row as the protocol reads it (2021's fields). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ProtocolInfo(String secretKey, String containerId, String userId, int dpi, String state) {
    }

    /** {@code {"status":200}}: a cancellation or an account deletion went through. */
    record Done(int status) {
        static final String JSON = Response.render(new Done(200));
    }

    /** A new account, with the user's own tokens. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Registered(int status, String verificationToken, String accessToken, String refreshToken,
                      long createdTimestamp) {
    }

    /** The admin's tokens. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AdminTokens(String accessToken, String refreshToken) {
    }

    /** {@code /host_service}: where the user's container waits for its client, all null until it does. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record HostInfo(String ip, Integer port, String clientAppAuthSecret, String userAppState, String containerOrigin) {
        /** A user without an assignment. */
        static final String NONE = Response.render(new HostInfo(null, null, null, null, null));
    }

    /**
     * {@code /status}: a task's state and output.
     *
     * @param output a {@link Message}, a failure's reason (a string), a {@link ContainerRow}, another task's result
     *               body, or null
     */
    record TaskStatusAnswer(String state, Object output) {
    }

    /** {@code {"msg": …}}: a running task's progress. */
    record Message(String msg) {
    }

    /** A user as {@code /admin/users} lists it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record UserListing(String username, long createdTimestamp, String state, String taskId, String containerId) {
    }

    /** {@code /admin/users}. */
    record UserList(List<UserListing> users) {
    }

    /**
     * A container as {@code /admin/containers} lists it.
     *
     * @param lastPinged epoch seconds of its last ping, null before its first
     * @param app        the app it runs (its holder's), null for a prewarmed one
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ContainerListing(String containerId, String userId, String state, String ip, int port, String location,
                            String taskId, Long lastPinged, String app, String cluster) {
    }

    /** {@code /admin/containers}. */
    record ContainerList(List<ContainerListing> containers) {
    }

    /**
     * One region's pool in {@code /admin/pool}.
     *
     * @param free          prewarmed containers waiting now (the pool's size)
     * @param prewarming    containers being prewarmed, joining the pool after the prewarm delay
     * @param held          containers held now (by assignments in flight or users)
     * @param prewarmedHits hand-offs since start of a prewarmed container to an assignment asking for this region
     * @param spinUps       hand-offs since start of a container spun up for it
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RegionPool(String region, String cluster, int free, int prewarming, int held, long prewarmedHits,
                      long spinUps) {
    }

    /**
     * {@code /admin/pool}: the settings that shape the pool, the regions' figures and their sums.
     *
     * @param prewarmedHitRatio prewarmed hits over all hand-offs, null before the first
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PoolState(int prewarmed, double prebootNumber, int free, int prewarming, int held, long prewarmedHits,
                     long spinUps, Double prewarmedHitRatio, List<RegionPool> regions) {
        static PoolState of(int prewarmed, double prebootNumber, List<RegionPool> regions) {
            int free = 0;
            int prewarming = 0;
            int held = 0;
            long hits = 0;
            long spinUps = 0;
            for (RegionPool region : regions) {
                free += region.free();
                prewarming += region.prewarming();
                held += region.held();
                hits += region.prewarmedHits();
                spinUps += region.spinUps();
            }
            Double ratio = hits + spinUps == 0 ? null : (double) hits / (hits + spinUps);
            return new PoolState(prewarmed, prebootNumber, free, prewarming, held, hits, spinUps, ratio, regions);
        }
    }

    /** {@code /host_service/auth}: the host's token for its heartbeats. */
    record HostToken(@JsonProperty("AuthToken") String authToken) {
    }

    /**
     * A host as {@code /admin/hosts} lists it.
     *
     * @param ip                  the address it authenticated from
     * @param authenticatedAt     epoch seconds of its authentication
     * @param heartbeats          heartbeats received, the dying one included
     * @param lastHeartbeatNumber the last heartbeat's {@code HeartbeatNumber}, null before the first
     * @param lastHeartbeatAt     epoch seconds when the last heartbeat arrived, null before the first
     * @param freeRamKb           the last heartbeat's {@code FreeRAMinKB}, null before the first
     * @param dying               true once its dying heartbeat came: the host is gone
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record HostListing(String instanceId, String instanceType, String region, String amiId, String ip,
                       long authenticatedAt, long heartbeats, Long lastHeartbeatNumber, Long lastHeartbeatAt,
                       Long freeRamKb, boolean dying) {
    }

    /** {@code /admin/hosts}. */
    record HostList(List<HostListing> hosts) {
    }

    /** The webserver's refusal: {@code {"error": …}}. */
    record WebserverError(String error) {
    }

    /** The host service's answer: {@code {"result":""}}, with {@code "error"} when it refuses. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HostServiceResult(String result, String error) {
        static final String ACCEPTED = Response.render(new HostServiceResult("", null));
    }
}
