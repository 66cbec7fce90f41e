package co.fractal.loadtest.localserver;

import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The container hosts that authenticated ({@code /host_service/auth}) and their heartbeats
 * ({@code /host_service/heartbeat}), as the 2021 webserver's {@code instance_info} table: one row per instance
 * id with a token; a dying heartbeat ends the host (2021 deleted its row: later heartbeats are refused and the
 * id may authenticate again), though it stays listed until then. Under the state lock.
 */
final class Hosts {
    private final Map<String, Host> byInstanceId = new LinkedHashMap<>();
    private final ServerClock clock;

    Hosts(ServerClock clock) {
        this.clock = clock;
    }

    /** A new host with a fresh token; 400 when a live host has that instance id. */
    Host authenticate(String instanceId, String instanceType, String region, String amiId, String ip) {
        Host known = byInstanceId.get(instanceId);
        if (known != null && !known.dying()) {
            throw ApiException.badRequest("instance " + instanceId + " has authenticated already");
        }
        Host host = new Host(instanceId, instanceType, region, amiId, ip, Secrets.hex(16), clock.epochSecond());
        byInstanceId.remove(instanceId);
        byInstanceId.put(instanceId, host);
        return host;
    }

    /**
     * The host's heartbeat; 404 as in 2021 when no live host has that instance id or its token is another
     * (tokens compared in any letter case).
     */
    void heartbeat(String authToken, String instanceId, long number, long freeRamKb, boolean dying) {
        Host host = byInstanceId.get(instanceId);
        if (host == null || host.dying()) {
            throw new ApiException(HttpResponseStatus.NOT_FOUND, "no host with InstanceID " + instanceId);
        }
        if (!host.authToken().equals(authToken.toLowerCase(Locale.ROOT))) {
            throw new ApiException(HttpResponseStatus.NOT_FOUND, "the AuthToken is not the one of host " + instanceId);
        }
        host.heartbeat(number, freeRamKb, dying, clock.epochSecond());
    }

    /** The hosts whose instance id starts with the prefix, in the order they authenticated. */
    List<AnswerBodies.HostListing> listings(String prefix) {
        List<AnswerBodies.HostListing> listed = new ArrayList<>();
        for (Host host : byInstanceId.values()) {
            if (host.instanceId().startsWith(prefix)) {
                listed.add(host.listing());
            }
        }
        return listed;
    }
}
