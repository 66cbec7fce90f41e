package co.fractal.loadtest.localserver;

/**
 * {@code POST /host_service/auth {"InstanceID","InstanceType","Region","AWSAmiID"}}, no token (a host service
 * calls it once as it starts): 200 {@code {"AuthToken":"<32 hex>"}}; 400 for a missing key or an instance id a
 * live host has. The host's address is the sender's ({@code X-Forwarded-For}'s first entry, else the peer).
 */
final class HostAuthEndpoint implements Endpoint {
    private final StateLock lock;
    private final Hosts hosts;

    HostAuthEndpoint(StateLock lock, Hosts hosts) {
        this.lock = lock;
        this.hosts = hosts;
    }

    @Override
    public void handle(Request request, Responder responder) {
        JsonBody body = request.json();
        String instanceId = body.nonEmptyText("InstanceID");
        String instanceType = body.text("InstanceType");
        String region = body.text("Region");
        String amiId = body.text("AWSAmiID");
        String address = request.sourceAddress();
        Host host = lock.call(() -> hosts.authenticate(instanceId, instanceType, region, amiId, address));
        responder.send(Response.ok(new AnswerBodies.HostToken(host.authToken())));
    }
}
