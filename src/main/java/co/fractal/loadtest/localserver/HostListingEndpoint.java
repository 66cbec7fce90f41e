package co.fractal.loadtest.localserver;

import java.util.List;

/**
 * Extension {@code GET /admin/hosts?prefix=<p>} with the admin token: every host whose instance id starts with
 * the prefix (all without one), with its heartbeats: how many, the last one's number and arrival, and whether it
 * was a dying one. 401 otherwise.
 */
final class HostListingEndpoint implements Endpoint {
    private final StateLock lock;
    private final Tokens tokens;
    private final Hosts hosts;

    HostListingEndpoint(StateLock lock, Tokens tokens, Hosts hosts) {
        this.lock = lock;
        this.tokens = tokens;
        this.hosts = hosts;
    }

    @Override
    public void handle(Request request, Responder responder) {
        tokens.authenticate(request).mustBeAdmin();
        String prefix = request.query("prefix", "");
        List<AnswerBodies.HostListing> listed = lock.call(() -> hosts.listings(prefix));
        responder.send(Response.ok(new AnswerBodies.HostList(listed)));
    }
}
