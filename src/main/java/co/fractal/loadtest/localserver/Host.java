package co.fractal.loadtest.localserver;

/**
 * A container host (an EC2 instance running the host service) as the webserver knows it: what it said when it
 * authenticated, its token, and its heartbeats. Changes under the state lock.
 */
final class Host {
    private final String instanceId;
    private final String instanceType;
    private final String region;
    private final String amiId;
    private final String ip;
    private final String authToken;
    private final long authenticatedAt;
    private long heartbeats;
    private Long lastHeartbeatNumber;
    private Long lastHeartbeatAt;
    private Long freeRamKb;
    private boolean dying;

    Host(String instanceId, String instanceType, String region, String amiId, String ip, String authToken,
         long authenticatedAt) {
        this.instanceId = instanceId;
        this.instanceType = instanceType;
        this.region = region;
        this.amiId = amiId;
        this.ip = ip;
        this.authToken = authToken;
        this.authenticatedAt = authenticatedAt;
    }

    String instanceId() {
        return instanceId;
    }

    String authToken() {
        return authToken;
    }

    /** True once it sent its dying heartbeat: it is gone. */
    boolean dying() {
        return dying;
    }

    /** A heartbeat arrived at {@code epochSecond}. */
    void heartbeat(long number, long freeRam, boolean isDying, long epochSecond) {
        heartbeats++;
        lastHeartbeatNumber = number;
        lastHeartbeatAt = epochSecond;
        freeRamKb = freeRam;
        dying = isDying;
    }

    /** The host as {@code /admin/hosts} lists it. */
    AnswerBodies.HostListing listing() {
        return new AnswerBodies.HostListing(instanceId, instanceType, region, amiId, ip, authenticatedAt, heartbeats,
                lastHeartbeatNumber, lastHeartbeatAt, freeRamKb, dying);
    }
}
