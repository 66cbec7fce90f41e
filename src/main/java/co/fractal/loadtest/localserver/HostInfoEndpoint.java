package co.fractal.loadtest.localserver;

/**
 * {@code GET /host_service?username=<u>} with a token that may act for the user: 200
 * {@code {"ip","port","client_app_auth_secret","user_app_state","container_origin"}}, the first three null
 * until the user's state is WAITING_FOR_CLIENT_APP (and while READY). Lock-free: reads the snapshot the
 * user's assignment published. 400 without the parameter, 401 for a bad token or another user's.
 */
final class HostInfoEndpoint implements Endpoint {
    private final Tokens tokens;
    private final Accounts accounts;

    HostInfoEndpoint(Tokens tokens, Accounts accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @Override
    public void handle(Request request, Responder responder) {
        Principal principal = tokens.authenticate(request);
        String username = request.query("username");
        if (username == null || username.isEmpty()) {
            throw ApiException.badRequest("missing query parameter username (GET /host_service?username=<user>)");
        }
        principal.mustActFor(username);
        Account account = accounts.get(username);
        responder.send(Response.rendered(account == null ? AnswerBodies.HostInfo.NONE : account.hostJson()));
    }
}
