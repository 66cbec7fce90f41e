package co.fractal.loadtest.localserver;

/**
 * {@code POST /host_service/heartbeat {"AuthToken","Timestamp","HeartbeatNumber","InstanceID","TotalRAMinKB",
 * "FreeRAMinKB","AvailRAMinKB","IsDyingHeartbeat"}}, no bearer token (the host service sends one at start,
 * every 55–65 s, and a dying one as it stops): 200 {@code {"status":200}} as in 2021; 400 for a missing or
 * mistyped key (the RAM sizes may be numbers or, as the Go host service sent them, strings of digits); 404 as in
 * 2021 for an instance id no live host has or a token that is not the host's. A dying heartbeat ends the host.
 */
final class HeartbeatEndpoint implements Endpoint {
    private static final String ACCEPTED = Response.render(new AnswerBodies.Done(200));

    private final StateLock lock;
    private final Hosts hosts;

    HeartbeatEndpoint(StateLock lock, Hosts hosts) {
        this.lock = lock;
        this.hosts = hosts;
    }

    @Override
    public void handle(Request request, Responder responder) {
        JsonBody body = request.json();
        String authToken = body.text("AuthToken");
        String instanceId = body.text("InstanceID");
        body.require("Timestamp");
        long number = body.count("HeartbeatNumber");
        body.count("TotalRAMinKB");
        long freeRamKb = body.count("FreeRAMinKB");
        body.count("AvailRAMinKB");
        boolean dying = body.flag("IsDyingHeartbeat");
        lock.run(() -> hosts.heartbeat(authToken, instanceId, number, freeRamKb, dying));
        responder.send(Response.rendered(ACCEPTED));
    }
}
