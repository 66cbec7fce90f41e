package co.fractal.loadtest.localserver;

import java.time.Instant;

/**
 * {@code POST /account/register {"username","password","name","feedback","encrypted_config_token"}}, no
 * token needed, rate-limited like assign: 200 with the user's own token (which identifies the user but does
 * not pay); 400 when the user exists or a key is missing; 429 past the rate limit.
 */
final class RegisterEndpoint implements Endpoint {
    private final StateLock lock;
    private final Accounts accounts;
    private final Tokens tokens;
    private final LostWrites lostWrites;
    private final RateLimiter limiter;

    RegisterEndpoint(StateLock lock, Accounts accounts, Tokens tokens, LostWrites lostWrites, RateLimiter limiter) {
        this.lock = lock;
        this.accounts = accounts;
        this.tokens = tokens;
        this.lostWrites = lostWrites;
        this.limiter = limiter;
    }

    @Override
    public void handle(Request request, Responder responder) {
        limiter.admit(request.client(), "register");
        JsonBody body = request.json();
        String username = body.nonEmptyText("username");
        body.text("password");
        body.text("name");
        body.text("feedback");
        body.text("encrypted_config_token");
        Account account = new Account(username, Instant.now().getEpochSecond(), Secrets.token());
        lock.run(() -> {
            if (lostWrites.hasUser(username) || !accounts.add(account)) {
                throw ApiException.badRequest("user " + username + " already exists");
            }
            tokens.issue(account);
        });
        responder.send(Response.ok(new AnswerBodies.Registered(200, Secrets.hex(16), account.token(), Secrets.token(),
                account.createdTimestamp())));
    }
}
