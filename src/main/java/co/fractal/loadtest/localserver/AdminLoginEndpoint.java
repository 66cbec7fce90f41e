package co.fractal.loadtest.localserver;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code POST /admin/login {"username","password"}}: 200 with an admin token that never expires and acts
 * for any user; 400 when a key is missing, 401 for wrong credentials.
 */
final class AdminLoginEndpoint implements Endpoint {
    private final byte[] username;
    private final byte[] password;
    private final Tokens tokens;

    AdminLoginEndpoint(String username, String password, Tokens tokens) {
        this.username = username.getBytes(StandardCharsets.UTF_8);
        this.password = password.getBytes(StandardCharsets.UTF_8);
        this.tokens = tokens;
    }

    @Override
    public void handle(Request request, Responder responder) {
        JsonBody body = request.json();
        boolean userMatches = MessageDigest.isEqual(username, body.text("username").getBytes(StandardCharsets.UTF_8));
        boolean passwordMatches = MessageDigest.isEqual(password, body.text("password").getBytes(StandardCharsets.UTF_8));
        if (!(userMatches && passwordMatches)) {
            throw ApiException.unauthorized("wrong admin username or password");
        }
        responder.send(Response.ok(new AnswerBodies.AdminTokens(tokens.issueAdmin(), Secrets.token())));
    }
}
