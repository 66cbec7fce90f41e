package co.fractal.loadtest.localserver;

/**
 * {@code POST /account/delete {"username"}} with the admin token (or the user's own): 200; the user's
 * assignment in flight is cancelled, its containers deleted, its token revoked. 401 for a bad token, 404 when
 * there is no such user. Under the lock-timeout fault, a user whose assignment ran on an aborted session is
 * gone from the live server but its row stays listed (the deletion is lost).
 */
final class AccountDeleteEndpoint implements Endpoint {
    private final StateLock lock;
    private final Tokens tokens;
    private final Accounts accounts;
    private final AssignmentWorker worker;
    private final LostWrites lostWrites;

    AccountDeleteEndpoint(StateLock lock, Tokens tokens, Accounts accounts, AssignmentWorker worker, LostWrites lostWrites) {
        this.lock = lock;
        this.tokens = tokens;
        this.accounts = accounts;
        this.worker = worker;
        this.lostWrites = lostWrites;
    }

    @Override
    public void handle(Request request, Responder responder) {
        Principal principal = tokens.authenticate(request);
        String username = request.json().nonEmptyText("username");
        principal.mustActFor(username);
        lock.run(() -> {
            Account account = accounts.get(username);
            if (account == null) {
                if (!lostWrites.hasUser(username)) {
                    throw new ApiException(io.netty.handler.codec.http.HttpResponseStatus.NOT_FOUND, "no such user: " + username);
                }
                return;
            }
            if (account.sessionAborted()) {
                lostWrites.userDeletion(account);
            }
            worker.endAll(account);
            accounts.remove(account);
            tokens.revoke(account);
        });
        responder.send(Response.rendered(AnswerBodies.Done.JSON));
    }
}
