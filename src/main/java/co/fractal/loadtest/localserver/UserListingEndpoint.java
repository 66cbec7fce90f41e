package co.fractal.loadtest.localserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Extension {@code GET /admin/users?prefix=<p>} with the admin token: every user whose name starts with the
 * prefix, with its app state, current task and the container it holds. 401 otherwise.
 */
final class UserListingEndpoint implements Endpoint {
    private final StateLock lock;
    private final Tokens tokens;
    private final Accounts accounts;
    private final LostWrites lostWrites;

    UserListingEndpoint(StateLock lock, Tokens tokens, Accounts accounts, LostWrites lostWrites) {
        this.lock = lock;
        this.tokens = tokens;
        this.accounts = accounts;
        this.lostWrites = lostWrites;
    }

    @Override
    public void handle(Request request, Responder responder) {
        tokens.authenticate(request).mustBeAdmin();
        String prefix = request.query("prefix", "");
        List<AnswerBodies.UserListing> listed = lock.call(() -> {
            List<AnswerBodies.UserListing> rows = new ArrayList<>();
            for (Account account : accounts.all()) {
                if (account.username().startsWith(prefix)) {
                    rows.add(account.listing());
                }
            }
            for (Map.Entry<String, AnswerBodies.UserListing> left : lostWrites.userListings().entrySet()) {
                if (left.getKey().startsWith(prefix) && accounts.get(left.getKey()) == null) {
                    rows.add(left.getValue());
                }
            }
            return rows;
        });
        responder.send(Response.ok(new AnswerBodies.UserList(listed)));
    }
}
