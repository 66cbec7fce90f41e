package co.fractal.loadtest.localserver;

import java.util.ArrayList;
import java.util.List;

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
        List<AnswerBodies.ContainerListing> listed = lock.call(() -> {
            List<AnswerBodies.ContainerListing> rows = new ArrayList<>();
            for (Container container : containers.all()) {
                rows.add(container.listing());
            }
            rows.addAll(lostWrites.containerListings());
            return rows;
        });
        responder.send(Response.ok(new AnswerBodies.ContainerList(listed)));
    }
}
