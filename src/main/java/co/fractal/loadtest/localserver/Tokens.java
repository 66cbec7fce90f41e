package co.fractal.loadtest.localserver;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens: opaque random strings that never expire, each speaking for the admin or one user. Read
 * from {@code Authorization: Bearer <token>} or the {@code access_token} query parameter. Lock-free.
 */
final class Tokens {
    private static final String BEARER = "Bearer ";

    private final ConcurrentHashMap<String, Principal> byToken = new ConcurrentHashMap<>();

    /** A new admin token. */
    String issueAdmin() {
        String token = Secrets.token();
        byToken.put(token, Principal.ADMIN);
        return token;
    }

    /** Makes the account's token valid. */
    void issue(Account account) {
        byToken.put(account.token(), new Principal(account));
    }

    void revoke(Account account) {
        byToken.remove(account.token());
    }

    /** Who the request's token speaks for; 401 when it has none or an unknown one. */
    Principal authenticate(Request request) {
        String token;
        String header = request.header(io.netty.handler.codec.http.HttpHeaderNames.AUTHORIZATION);
        if (header != null) {
            if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                throw ApiException.unauthorized("the Authorization header is not 'Bearer <token>'");
            }
            token = header.substring(BEARER.length()).trim();
        } else {
            token = request.query("access_token");
            if (token == null) {
                throw ApiException.unauthorized("missing token: send 'Authorization: Bearer <token>' or ?access_token=<token>");
            }
        }
        Principal principal = byToken.get(token);
        if (principal == null) {
            throw ApiException.unauthorized("the token is not valid (unknown, or its user was deleted)");
        }
        return principal;
    }
}
