package co.fractal.loadtest.localserver;

/**
 * Extension {@code GET /admin/containers} with the admin token: every container that exists, with the user
 * holding it (null for a prewarmed one). 401 otherwise.
 */
final class ContainerListingEndpoint implements Endpoint {
    private final StateLock lock;
    private final Tokens tokens;
    private final Containers containers;
    private final LostWrites lostWrites;

    ContainerListingEndpoint(StateLock lock, Tokens tokens, Containers containers, LostWrites lostWrites) {
        this.lock = lock;
        this.tokens = tokens;
        this.containers = containers;
        this.lostWrites = lostWrites;
    }

    @Override
    public void handle(Request request, Responder responder) {
        tokens.authenticate(request).mustBeAdmin();
        String json = lock.call(() -> {
            JsonText out = new JsonText(8192).beginObject().name("containers").beginArray();
            for (Container container : containers.all()) {
                container.writeListing(out);
            }
            lostWrites.containerListings().forEach(out::raw);
            return out.endArray().endObject().toString();
        });
        responder.send(Response.ok(json));
    }
}
