package co.fractal.loadtest.localserver;

/**
 * Extension {@code GET /admin/pool} with the admin token: the prewarmed pool of every region — its size now,
 * the containers being prewarmed, the containers held — and the hand-offs since start by origin (prewarmed or
 * spun up), with the prewarmed hit ratio. 401 otherwise.
 */
final class PoolEndpoint implements Endpoint {
    private final StateLock lock;
    private final Tokens tokens;
    private final ContainerPool pool;

    PoolEndpoint(StateLock lock, Tokens tokens, ContainerPool pool) {
        this.lock = lock;
        this.tokens = tokens;
        this.pool = pool;
    }

    @Override
    public void handle(Request request, Responder responder) {
        tokens.authenticate(request).mustBeAdmin();
        responder.send(Response.ok(lock.call(pool::state)));
    }
}
